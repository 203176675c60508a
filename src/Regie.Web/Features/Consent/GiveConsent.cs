using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Consent;

public sealed class ConsentInput
{
    [Required, Description("De partnerorganisatie die toestemming krijgt.")] public Guid? OrganisatieId { get; set; }
    [Required, Description("Waarvoor: \"inkijk\" (inkijk in het plan) en/of \"berichten\".")] public List<string>? Reikwijdte { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag. Niet in de toekomst.")] public string? GegevenOp { get; set; }
    [Required, Description("Het huishoudlid (persoon-id) dat de toestemming gaf.")] public Guid? GegevenDoor { get; set; }

    public ConsentFields ToFields() => new(OrganisatieId, Reikwijdte, GegevenOp, GegevenDoor);
}

/// <summary>
/// The coordinator (or another care role that works in the file) records the household's consent for one organisation.
/// On the household's timeline and in the audit trail.
/// </summary>
public sealed class GiveConsentHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, ConsentInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var now = clock.GetUtcNow().UtcDateTime;
        var organisations = await db.Organisations.Where(o => o.Kind == OrganisationKinds.Partner).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var members = await Plans.PlanVersions.CurrentMembersAsync(db, householdId, ct);
        var active = (await db.Consents.Where(Data.Consent.Active).Where(c => c.HouseholdId == householdId).Select(c => c.OrganisationId).ToListAsync(ct)).ToHashSet();
        var errors = new ErrorList();
        if (ConsentRules.CheckGive(input.ToFields(), organisations.Keys.ToHashSet(), members, active, DateOnly.FromDateTime(now), errors) is not { } content)
            return CommandResult<Guid>.Invalid(errors.Errors);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var consent = Data.Consent.Give(household.Gemeentecode, householdId, content, user.ActorId, user.ActorName, now);
        db.Consents.Add(consent);
        var organisation = organisations[content.OrganisationId];
        var scopes = string.Join(" en ", content.Scopes.Select(s => ConsentScopes.Label(s).ToLowerInvariant()));
        timeline.Record(household, EventTypes.ConsentGiven, $"Toestemming van {content.GivenByName} voor {organisation}: {scopes}", content.GivenOn,
            content.GivenByPersonId, new { organisatie = content.OrganisationId, toestemming = consent.Id });
        var result = await db.SaveOrConflictAsync(consent.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Consent, householdId, content.GivenByPersonId, $"toestemming voor {organisation}: {scopes}", ct, AuditActions.Create);
    }
}
