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

namespace Regie.Web.Features.Consent;

public sealed class RevokeConsentInput
{
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag. De toestemming is meteen gesloten, welke datum ook.")] public string? IngetrokkenOp { get; set; }
}

/// <summary>
/// The household revokes a consent: recorded by a care role of the file; the organisation's inkijk and messages close with
/// this save, its next request is refused. The consent stays in the history with the day and who recorded it.
/// </summary>
public sealed class RevokeConsentHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, Guid consentId, RevokeConsentInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var consent = await db.Consents.FirstOrDefaultAsync(c => c.Id == consentId && c.HouseholdId == householdId, ct);
        if (consent is null) return CommandResult<Guid>.NotFound("De toestemming");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        if (ConsentRules.CheckRevoke(consent.GivenOn, consent.RevokedOn, input.IngetrokkenOp, DateOnly.FromDateTime(now), errors) is not { } on)
            return CommandResult<Guid>.Invalid(errors.Errors);
        consent.Revoke(on, user.ActorId, user.ActorName, now);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var organisation = await db.Organisations.Where(o => o.Id == consent.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "?";
        timeline.Record(household, EventTypes.ConsentRevoked, $"Toestemming voor {organisation} ingetrokken", on, consent.GivenByPersonId,
            new { organisatie = consent.OrganisationId, toestemming = consent.Id });
        var result = await db.SaveOrConflictAsync(consent.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Consent, householdId, consent.GivenByPersonId, $"toestemming voor {organisation} ingetrokken", ct);
    }
}
