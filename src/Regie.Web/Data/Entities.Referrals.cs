using Regie.Domain.Common;
using Regie.Domain.Referrals;

namespace Regie.Web.Data;

/// <summary>
/// A referral (verwijzing) of a household member, from a plan goal, to a provider organisation and optionally one
/// of its services on the social map. The provider sees only what it needs: the person, how to reach them, the
/// question and who referred — never the file. Every step is a <see cref="ReferralStep"/>.
/// </summary>
public sealed class Referral : IMunicipalityOwned
{
    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; init; }
    public Guid PersonId { get; init; }
    public Guid? GoalId { get; init; }
    /// <summary>The provider when it is a registered organisation; null when the team refers to one without an account and tracks the status itself.</summary>
    public Guid? ProviderOrganisationId { get; init; }
    /// <summary>The provider's name as shown, kept with the referral.</summary>
    public required string ProviderName { get; init; }
    /// <summary>The social-map service; no foreign key, because the social map may be imported again.</summary>
    public Guid? ServiceId { get; init; }
    public string? ServiceName { get; init; }
    /// <summary>"algemeen", "nulde-lijn" or "maatwerk" (<see cref="Domain.SocialMap.ServiceKinds.Code"/>), when known.</summary>
    public string? ServiceKind { get; init; }
    public required string Question { get; init; }
    /// <summary>The resident agreed to sharing the question and contact details with the provider; nothing is sent without it.</summary>
    public bool Consent { get; init; }
    public DateOnly FollowUpOn { get; init; }
    /// <summary>Verstuurd when sent; after that only <see cref="Step"/> changes it, along <see cref="ReferralRules.Next"/>.</summary>
    public ReferralStatus Status { get => _status; init => _status = value; }
    private ReferralStatus _status;
    /// <summary>The sending time at creation; after that only <see cref="Step"/> moves it.</summary>
    public DateTime StatusChangedAt { get => _statusChangedAt; init => _statusChangedAt = value; }
    private DateTime _statusChangedAt;
    /// <summary>Set by the step to Afgewezen.</summary>
    public string? DeclineReason { get; private set; }
    /// <summary>Set by the step to Afgerond: what closes the loop.</summary>
    public string? Feedback { get; private set; }
    public Guid? TeamId { get; init; }
    public required string ReferrerId { get; init; }
    public required string ReferrerName { get; init; }
    /// <summary>The referrer's employer at sending, for the conflict-of-interest figures: a later change of job does not rewrite them.</summary>
    public Domain.Coordination.EmployerKind? ReferrerEmployerKind { get; init; }
    public Guid? ReferrerEmployerOrganisationId { get; init; }
    /// <summary>Sent to the referrer's own employer (<see cref="Domain.Coordination.Employment.IsOwnEmployer"/>), decided at sending.</summary>
    public bool OwnEmployer { get; init; }
    public DateTime SentAt { get; init; }
    public int Version { get; set; }

    public Organisation? Provider { get; set; }

    /// <summary>Who sends a referral: the worker, their team, and their employer at sending.</summary>
    public sealed record Referrer(string Id, string Name, Guid? TeamId, Domain.Coordination.EmployerKind? EmployerKind, Guid? EmployerOrganisationId);

    /// <summary>
    /// A referral sent now, at version 1, once <see cref="ReferralRules.CheckTarget"/> and <see cref="ReferralRules.CheckSend"/> let it through
    /// (so with the resident's consent). Whether it goes to the referrer's own employer is decided here, once.
    /// </summary>
    public static Referral Send(string gemeentecode, Guid householdId, Guid personId, Guid? goalId, ReferralTarget target, string question, DateOnly followUpOn,
        Referrer by, DateTime at) => new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, PersonId = personId, GoalId = goalId,
            ProviderOrganisationId = target.ProviderOrganisationId, ProviderName = target.ProviderName, ServiceId = target.ServiceId, ServiceName = target.ServiceName,
            ServiceKind = target.Kind, Question = question, Consent = true, FollowUpOn = followUpOn, Status = ReferralStatus.Verstuurd, StatusChangedAt = at,
            TeamId = by.TeamId, ReferrerId = by.Id, ReferrerName = by.Name, ReferrerEmployerKind = by.EmployerKind, ReferrerEmployerOrganisationId = by.EmployerOrganisationId,
            OwnEmployer = Domain.Coordination.Employment.IsOwnEmployer(by.EmployerOrganisationId, target.ProviderOrganisationId), SentAt = at, Version = 1,
        };

    /// <summary>Whether <paramref name="party"/> may take the step to <paramref name="to"/> now; the errors say why not.</summary>
    public void CheckStep(ReferralStatus to, ReferralParty party, string? reason, string? feedback, ErrorList errors) =>
        ReferralRules.CheckStep(Status, to, party, reason, feedback, errors);

    /// <summary>One step of the loop: a decline keeps its reason, a finish its feedback. Refuses what <see cref="CheckStep"/> refuses.</summary>
    public void Step(ReferralStatus to, ReferralParty party, string? reason, string? feedback, DateTime at)
    {
        var errors = new ErrorList();
        CheckStep(to, party, reason, feedback, errors);
        if (errors.HasErrors) throw new InvalidOperationException($"Referral step refused: {errors.Errors[0].Code}");
        _status = to;
        _statusChangedAt = at;
        if (to == ReferralStatus.Afgewezen) DeclineReason = reason;
        if (to == ReferralStatus.Afgerond) Feedback = feedback;
    }

    /// <summary>What the step's record says besides its status: the reason of a decline, the feedback of a finish.</summary>
    public static string? StepNote(ReferralStatus to, string? reason, string? feedback) =>
        to switch { ReferralStatus.Afgewezen => reason, ReferralStatus.Afgerond => feedback, _ => reason ?? feedback };
}

/// <summary>One step of a referral: to which status, when, by whom and for which organisation, with the reason or feedback. Never changed.</summary>
public sealed class ReferralStep : IMunicipalityOwned
{
    public const int ByIdMaxLength = RegieUser.IdMaxLength;
    public const int ByNameMaxLength = 200;
    public const int ByOrganisationMaxLength = 200;
    public const int NoteMaxLength = 4000;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid ReferralId { get; set; }
    public Domain.Referrals.ReferralStatus Status { get; set; }
    public DateTime At { get; set; }
    public required string ById { get; set; }
    public required string ByName { get; set; }
    public string? ByOrganisation { get; set; }
    public string? Note { get; set; }

    /// <summary>The record of <paramref name="referral"/> reaching <paramref name="status"/>, by whom (cut to fit).</summary>
    public static ReferralStep Of(Referral referral, ReferralStatus status, string byId, string byName, string? organisation, DateTime at, string? note) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = referral.Gemeentecode, ReferralId = referral.Id, Status = status, At = at,
        ById = Text.Fit(byId, ByIdMaxLength), ByName = Text.Truncate(byName, ByNameMaxLength), ByOrganisation = organisation, Note = note,
    };

}

/// <summary>Light support started by the team without a decision, as an intervention of a plan goal.</summary>
/// <remarks>Started through <see cref="Start"/> once <see cref="LightSupportRules.CheckStart"/> allowed it; only <see cref="End"/> changes it after that.</remarks>
public sealed class LightSupport : IMunicipalityOwned
{
    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; init; }
    public Guid PlanId { get; init; }
    public Guid? GoalId { get; init; }
    public Guid? PersonId { get; init; }
    public required string Description { get; init; }
    public LightSupportKind? Kind { get; init; }
    public DateOnly StartOn { get; init; }
    public DateOnly PlannedEndOn { get; init; }
    /// <summary>Delivered by a team member (<see cref="DeliveredByUserId"/>) or an organisation; the name as shown either way.</summary>
    public string? DeliveredByUserId { get; init; }
    public Guid? DeliveredByOrganisationId { get; init; }
    public required string DeliveredByName { get; init; }
    public Guid? ServiceId { get; init; }
    public DateOnly? EndedOn { get; private set; }
    public string? Outcome { get; private set; }
    public required string StartedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public int Version { get; set; }

    /// <summary>Who delivers it: a team member, or else an organisation; <paramref name="Name"/> as shown.</summary>
    public sealed record Deliverer(string? UserId, Guid? OrganisationId, string Name);

    /// <summary>New light support at version 1, after the caller checked it with <see cref="LightSupportRules.CheckStart"/>.</summary>
    public static LightSupport Start(string gemeentecode, Guid householdId, Guid planId, Guid goalId, Guid? personId, string description, LightSupportKind? kind,
        DateOnly start, DateOnly plannedEnd, Deliverer by, Guid? serviceId, string startedBy, DateTime at) => new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, PlanId = planId, GoalId = goalId, PersonId = personId,
            Description = description, Kind = kind, StartOn = start, PlannedEndOn = plannedEnd, DeliveredByUserId = by.UserId,
            DeliveredByOrganisationId = by.UserId is null ? by.OrganisationId : null, DeliveredByName = by.Name, ServiceId = serviceId,
            StartedBy = startedBy, CreatedAt = at, Version = 1,
        };

    /// <summary>Still running past its planned end on <paramref name="today"/>.</summary>
    public bool IsOverdueOn(DateOnly today) => EndedOn is null && PlannedEndOn < today;

    /// <summary>The end date (the chosen one, or today when none is chosen) if it may end; the errors say why not.</summary>
    public DateOnly? CheckEnd(string? chosen, DateOnly today, ErrorList errors) => LightSupportRules.CheckEnd(EndedOn is not null, StartOn, chosen, today, errors);

    /// <summary>Ends it with what it brought; a second end is refused (<see cref="CheckEnd"/> says so first).</summary>
    public void End(DateOnly on, string outcome)
    {
        if (EndedOn is not null) throw new InvalidOperationException($"Light support end refused: {LightSupportRules.AlreadyEndedCode}");
        EndedOn = on;
        Outcome = outcome;
    }
}

/// <summary>The municipality's rules for light support without a decision; no row means the defaults apply.</summary>
/// <remarks>Made by <see cref="For"/>; only <see cref="Change"/> changes it.</remarks>
public sealed class LightSupportConfiguration
{
    public required string Gemeentecode { get; init; }
    public bool Allowed { get; private set; }
    public int MaxWeeks { get; private set; }
    /// <summary>Comma-separated <see cref="Domain.Referrals.LightSupportKind"/> names.</summary>
    public string Kinds { get; private set; } = "";
    public int FollowUpDays { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }
    public int Version { get; set; }

    /// <summary>The municipality's first own settings, at version 1; <see cref="Change"/> fills them.</summary>
    public static LightSupportConfiguration For(string gemeentecode) => new() { Gemeentecode = gemeentecode, Version = 1 };

    /// <summary>
    /// New settings and the referrals' follow-up term, each kind once. Refuses what <see cref="LightSupportRules.CheckSettings"/> and
    /// <see cref="ReferralRules.CheckFollowUpDays"/> refuse.
    /// </summary>
    public void Change(LightSupportSettings settings, int followUpDays, string by, DateTime at)
    {
        var errors = new ErrorList();
        LightSupportRules.CheckSettings(settings.MaxWeeks, settings.Kinds.ToList(), settings.Allowed, errors);
        ReferralRules.CheckFollowUpDays(followUpDays, errors);
        if (errors.HasErrors) throw new InvalidOperationException($"Light support settings refused: {errors.Errors[0].Code}");
        Allowed = settings.Allowed;
        MaxWeeks = settings.MaxWeeks;
        Kinds = (settings with { Kinds = settings.Kinds.Distinct().ToList() }).KindsToStored();
        FollowUpDays = followUpDays;
        ChangedBy = by;
        ChangedAt = at;
    }
}
