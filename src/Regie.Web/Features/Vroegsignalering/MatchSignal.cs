using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>
/// The worker matches a signal the registry could not match to the person it is about. From then on it is handled like a signal
/// matched on arrival: it joins the household's open case or opens one, the coordinator is told, the involvement registered.
/// </summary>
public sealed class MatchSignalHandler(RegieDbContext db, CurrentUser user, SignalIntake intake, AuditLog audit)
{
    public async Task<CommandResult<MatchSignalAnswer>> HandleAsync(Guid signalId, MatchSignalInput input, CancellationToken ct)
    {
        var signal = await db.Vroegsignalen.FirstOrDefaultAsync(s => s.Id == signalId && s.AnonymisedAt == null, ct);
        if (signal is null) return CommandResult<MatchSignalAnswer>.NotFound("Het vroegsignaal");
        if (signal.ZaakId is not null)
            return CommandResult<MatchSignalAnswer>.Invalid(new DomainError(SignalRules.AlreadyMatchedCode, "PersoonId", "Dit signaal is al gekoppeld aan een huishouden."));
        var person = input.PersoonId is { } pid
            ? await db.Persons.AsNoTracking().Where(p => p.Id == pid && p.AnonymisedAt == null).Select(p => new { p.Id, p.Bsn }).FirstOrDefaultAsync(ct)
            : null;
        var home = person is null ? null : (await intake.HomesAsync([person.Id], ct)).GetValueOrDefault(person.Id);
        if (person is null || home is null)
            return CommandResult<MatchSignalAnswer>.Invalid(new DomainError(SignalRules.PersonUnknownCode, "PersoonId",
                "Kies een persoon uit de basisregistratie die nu in één huishouden woont."));
        if (signal.Bsn is not null && person.Bsn is not null && signal.Bsn != person.Bsn)
            return CommandResult<MatchSignalAnswer>.Invalid(new DomainError(SignalRules.BsnMismatchCode, "PersoonId",
                "Het BSN van deze persoon is een ander dan het BSN in het signaal: het signaal gaat over iemand anders. Kies een andere persoon of vraag de signaalpartner het na."));
        await intake.FileMatchedByHandAsync(signal, person.Id, home, person.Bsn, user.ActorId, user.ActorName, ct);
        var saved = await db.SaveOrConflictAsync(new MatchSignalAnswer(signal.ZaakId!.Value, home.Id), ct);
        return await audit.AfterAsync(saved, AuditResources.EarlySignal, home.Id, person.Id,
            $"vroegsignaal {signal.Id} met de hand gekoppeld; vroegsignaalzaak {signal.ZaakId}", ct, AuditActions.Update);
    }
}
