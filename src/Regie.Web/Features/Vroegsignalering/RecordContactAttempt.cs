using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>
/// Records a contact attempt of a vroegsignaalzaak as DDAS has it: how (soort), the day, the part of the day, and whether the
/// resident was reached. The first attempt meets the contact term and is the day the case was taken up: from then on the
/// vroegsignalering organisation is registered as involved with the persons of the case.
/// </summary>
public sealed class RecordContactAttemptHandler(RegieDbContext db, CurrentUser user, SignalIntake intake, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<CreatedVersionAnswer>> HandleAsync(Guid caseId, ContactAttemptInput input, CancellationToken ct)
    {
        var zaak = await db.Vroegsignaalzaken.FirstOrDefaultAsync(z => z.Id == caseId, ct);
        if (zaak is null) return CommandResult<CreatedVersionAnswer>.NotFound("De vroegsignaalzaak");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        var content = CaseRules.CheckAttempt(new AttemptFields(input.Soort, input.Datum, input.Dagdeel, input.Bereikt, input.Toelichting), zaak.OpenedOn,
            DateOnly.FromDateTime(now), errors);
        if (!zaak.IsOpen) errors.Add(new DomainError(Vroegsignaalzaak.ClosedCode, "Soort", "Deze vroegsignaalzaak is afgesloten; er kan geen contactpoging meer bij."));
        if (errors.HasErrors) return CommandResult<CreatedVersionAnswer>.Invalid(errors.Errors);
        if (input.Versie != zaak.Version) return CommandResult<CreatedVersionAnswer>.Conflict();
        zaak.Load(await db.Contactpogingen.Where(p => p.ZaakId == caseId).ToListAsync(ct));
        var takingUp = zaak.OpgepaktOn is null;
        var (poging, error) = zaak.RecordAttempt(content!.Soort, content.Datum, content.Dagdeel, content.Bereikt, content.Toelichting, user.ActorId, user.ActorName, now);
        if (error is not null) return CommandResult<CreatedVersionAnswer>.Invalid(error);
        db.Contactpogingen.Add(poging!);
        if (takingUp) await intake.RegisterTakenUpAsync(zaak, user.ActorName, now, ct);
        db.Entry(zaak).Property(z => z.Version).OriginalValue = input.Versie.Value;
        var saved = await db.SaveOrConflictAsync(new CreatedVersionAnswer(poging!.Id, input.Versie.Value + 1), ct);
        return await audit.AfterAsync(saved, AuditResources.EarlySignalCase, zaak.HouseholdId, null,
            $"contactpoging {poging.Id} bij vroegsignaalzaak {zaak.Id}: {DdasCodes.Label(content.Soort)}, {(content.Bereikt ? "bereikt" : "niet bereikt")}", ct, AuditActions.Create);
    }
}
