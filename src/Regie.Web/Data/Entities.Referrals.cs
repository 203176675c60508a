namespace Regie.Web.Data;

/// <summary>
/// A referral (verwijzing) of a household member, from a plan goal, to a provider organisation and optionally one
/// of its services on the social map. The provider sees only what it needs: the person, how to reach them, the
/// question and who referred — never the file. Every step is a <see cref="ReferralStep"/>.
/// </summary>
public sealed class Referral : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public Guid? GoalId { get; set; }
    /// <summary>The provider when it is a registered organisation; null when the team refers to one without an account and tracks the status itself.</summary>
    public Guid? ProviderOrganisationId { get; set; }
    /// <summary>The provider's name as shown, kept with the referral.</summary>
    public required string ProviderName { get; set; }
    /// <summary>The social-map service; no foreign key, because the social map may be imported again.</summary>
    public Guid? ServiceId { get; set; }
    public string? ServiceName { get; set; }
    /// <summary>"algemeen", "nulde-lijn" or "maatwerk" (<see cref="Domain.SocialMap.ServiceKinds.Code"/>), when known.</summary>
    public string? ServiceKind { get; set; }
    public required string Question { get; set; }
    /// <summary>The resident agreed to sharing the question and contact details with the provider; nothing is sent without it.</summary>
    public bool Consent { get; set; }
    public DateOnly FollowUpOn { get; set; }
    public Domain.Referrals.ReferralStatus Status { get; set; }
    public DateTime StatusChangedAt { get; set; }
    public string? DeclineReason { get; set; }
    public string? Feedback { get; set; }
    public Guid? TeamId { get; set; }
    public required string ReferrerId { get; set; }
    public required string ReferrerName { get; set; }
    /// <summary>The referrer's employer at sending, for the conflict-of-interest figures: a later change of job does not rewrite them.</summary>
    public Domain.Coordination.EmployerKind? ReferrerEmployerKind { get; set; }
    public Guid? ReferrerEmployerOrganisationId { get; set; }
    /// <summary>Sent to the referrer's own employer (<see cref="Domain.Coordination.Employment.IsOwnEmployer"/>), decided at sending.</summary>
    public bool OwnEmployer { get; set; }
    public DateTime SentAt { get; set; }
    public int Version { get; set; }

    public Organisation? Provider { get; set; }
}

/// <summary>One step of a referral: to which status, when, by whom and for which organisation, with the reason or feedback. Never changed.</summary>
public sealed class ReferralStep : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid ReferralId { get; set; }
    public Domain.Referrals.ReferralStatus Status { get; set; }
    public DateTime At { get; set; }
    public required string ById { get; set; }
    public required string ByName { get; set; }
    public string? ByOrganisation { get; set; }
    public string? Note { get; set; }
}

/// <summary>Light support started by the team without a decision, as an intervention of a plan goal.</summary>
public sealed class LightSupport : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid PlanId { get; set; }
    public Guid? GoalId { get; set; }
    public Guid? PersonId { get; set; }
    public required string Description { get; set; }
    public Domain.Referrals.LightSupportKind? Kind { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly PlannedEndOn { get; set; }
    /// <summary>Delivered by a team member (<see cref="DeliveredByUserId"/>) or an organisation; the name as shown either way.</summary>
    public string? DeliveredByUserId { get; set; }
    public Guid? DeliveredByOrganisationId { get; set; }
    public required string DeliveredByName { get; set; }
    public Guid? ServiceId { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? Outcome { get; set; }
    public required string StartedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The municipality's rules for light support without a decision; no row means the defaults apply.</summary>
public sealed class LightSupportConfiguration
{
    public required string Gemeentecode { get; set; }
    public bool Allowed { get; set; }
    public int MaxWeeks { get; set; }
    /// <summary>Comma-separated <see cref="Domain.Referrals.LightSupportKind"/> names.</summary>
    public required string Kinds { get; set; }
    public int FollowUpDays { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
    public int Version { get; set; }
}
