using Regie.Domain.Consent;
using System.Linq.Expressions;

namespace Regie.Web.Data;

/// <summary>
/// The household's consent for one organisation (<see cref="ConsentRules"/>): for which scopes, given on which day by which
/// member, recorded by whom. Never changed but for its revocation, once; other scopes are a new consent, so every consent
/// that ever was stays readable.
/// </summary>
public sealed class Consent : IMunicipalityOwned
{
    public const int ScopesMaxLength = 200;
    public const int NameMaxLength = 200;

    /// <summary>The "active consent" rule as a query: not revoked (<see cref="ConsentRules.IsActive"/>).</summary>
    public static readonly Expression<Func<Consent, bool>> Active = c => c.RevokedOn == null;

    public Guid Id { get; private set; }
    public string Gemeentecode { get; private set; } = "";
    public Guid HouseholdId { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>The <see cref="ConsentScope"/> names, comma-separated (<see cref="ConsentScopes.Format"/>).</summary>
    public string Scopes { get; private set; } = "";
    public DateOnly GivenOn { get; private set; }
    public Guid GivenByPersonId { get; private set; }
    public string GivenByName { get; private set; } = "";
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public DateOnly? RevokedOn { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedById { get; private set; }
    public string? RevokedByName { get; private set; }

    public bool IsActive => ConsentRules.IsActive(RevokedOn);
    public bool Covers(ConsentScope scope) => ConsentRules.Covers(Scopes, scope);
    public IReadOnlyList<ConsentScope> ScopeList => ConsentScopes.Parse(Scopes);

    /// <summary>A consent that passed <see cref="ConsentRules.CheckGive"/>.</summary>
    public static Consent Give(string gemeentecode, Guid householdId, ConsentContent c, string byId, string byName, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, OrganisationId = c.OrganisationId,
        Scopes = ConsentScopes.Format(c.Scopes), GivenOn = c.GivenOn, GivenByPersonId = c.GivenByPersonId, GivenByName = c.GivenByName,
        RecordedById = byId, RecordedByName = byName, RecordedAt = at,
    };

    /// <summary>Revokes it on <paramref name="on"/> (checked by <see cref="ConsentRules.CheckRevoke"/>); closed from this moment.</summary>
    public void Revoke(DateOnly on, string byId, string byName, DateTime at)
    {
        if (!IsActive) throw new InvalidOperationException("This consent has been revoked already.");
        (RevokedOn, RevokedAt, RevokedById, RevokedByName) = (on, at, byId, byName);
    }
}

/// <summary>A partner's progress report on its own action in the plan: a note, and whether it marked the action done. Never changed.</summary>
public sealed class ActionProgress : IMunicipalityOwned
{
    public Guid Id { get; private set; }
    public string Gemeentecode { get; private set; } = "";
    public Guid HouseholdId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid ActionId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Note { get; private set; } = "";
    public bool MarkedDone { get; private set; }
    public string ReportedById { get; private set; } = "";
    public string ReportedByName { get; private set; } = "";
    public DateTime ReportedAt { get; private set; }

    public static ActionProgress Report(PlanAction action, Guid organisationId, string note, bool done, string byId, string byName, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = action.Gemeentecode, HouseholdId = action.HouseholdId, PlanId = action.PlanId, ActionId = action.Id,
        OrganisationId = organisationId, Note = note, MarkedDone = done, ReportedById = byId, ReportedByName = byName, ReportedAt = at,
    };
}
