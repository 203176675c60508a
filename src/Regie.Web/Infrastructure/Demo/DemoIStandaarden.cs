using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using Regie.Web.Features.Berichten;
using Regie.Web.Features.Toewijzingen;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// The demo's decisions travel (issue 23): each granted Wmo and Jeugdwet product with a provider becomes an assignment with its
/// 301, through the same outbox a decision uses. Then the providers answer through the same intake as a file from the hub: the
/// home-care provider and De Brug report their start, De Brug later its stop, Op Koers asks for an assignment for another child
/// (it waits on the desk's worklist) and sends a start before its assignment began, which is refused with retour code 9019.
/// </summary>
public sealed class DemoIStandaarden(RegieDbContext db, TimeProvider clock, IServiceScopeFactory scopes, string gemeentecode)
{
    public const string ZorgzameHand = "Thuiszorg De Zorgzame Hand";
    public const string DeBrug = "Zorgaanbieder De Brug";
    public const string OpKoers = "Jeugdhulp Op Koers";
    /// <summary>Op Koers's reference of the request that waits on the desk.</summary>
    public const string RequestReference = "OK-2026-0815";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Toewijzingen.AnyAsync(ct)) return;
        var decisions = await db.Decisions.Include(d => d.Products)
            .Where(d => d.Outcome != DecisionOutcome.Afgewezen && (d.Framework == LegalFramework.Wmo2015 || d.Framework == LegalFramework.Jeugdwet))
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).ToListAsync(ct);
        var outbox = new AssignmentOutbox(db, clock);
        foreach (var decision in decisions) await outbox.AssignAsync(decision, ct);
        await db.SaveChangesAsync(ct);
        await ProvidersAnswerAsync(ct);
    }

    private async Task ProvidersAnswerAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var assigned = await db.Toewijzingen.AsNoTracking()
            .Join(db.Organisations, t => t.ProviderOrganisationId, o => o.Id, (t, o) => new { t, o.Name, o.AgbCode })
            .Join(db.Persons, x => x.t.PersonId, p => p.Id, (x, p) => new { x.t.Nummer, x.t.Framework, x.t.Ingangsdatum, x.t.PersonId, x.Name, x.AgbCode, p.Bsn, p.Geboortedatum, p.Achternaam })
            .ToListAsync(ct);
        // Each provider answers about the client of its own (first) assignment; a provider without one, or without an AGB code, stays silent.
        var of = assigned.Where(x => x.AgbCode is not null && x.Bsn is not null).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First());
        ProviderBericht Writer(string provider, string id, DateOnly dagtekening)
        {
            var a = of[provider];
            return new ProviderBericht(a.Framework, a.AgbCode!, a.Bsn!, gemeentecode)
            { Identificatie = id, Dagtekening = dagtekening, Geboortedatum = ProviderBericht.Date(a.Geboortedatum), Achternaam = a.Achternaam };
        }

        var messages = new List<string>();
        if (of.GetValueOrDefault(ZorgzameHand) is { } zh)
            messages.Add(Writer(ZorgzameHand, "ZH-000101", Min(zh.Ingangsdatum.AddDays(8), today)).Start((zh.Nummer, Min(zh.Ingangsdatum.AddDays(7), today))));
        if (of.GetValueOrDefault(DeBrug) is { } db1)
        {
            var begin = Min(db1.Ingangsdatum.AddDays(5), today);
            messages.Add(Writer(DeBrug, "DB-000201", Min(db1.Ingangsdatum.AddDays(6), today)).Start((db1.Nummer, begin)));
            messages.Add(Writer(DeBrug, "DB-000202", today).Stop((db1.Nummer, begin, Max(begin, today.AddDays(-1)), "34")));
        }
        // A start before the assignment began: the intake refuses it (9019) and keeps nothing of it but the refusal.
        if (of.GetValueOrDefault(OpKoers) is { } ok)
            messages.Add(Writer(OpKoers, "OK-000301", today).Start((ok.Nummer, ok.Ingangsdatum.AddDays(-10))));
        var assignedPersons = assigned.Select(a => a.PersonId).ToList();
        var child = await db.Persons.AsNoTracking()
            .Where(p => p.Bsn != null && p.AnonymisedAt == null && p.Geboortedatum > today.AddYears(-16) && !assignedPersons.Contains(p.Id))
            .OrderByDescending(p => p.Geboortedatum).ThenBy(p => p.Id).Select(p => new { p.Bsn, p.Geboortedatum, p.Achternaam }).FirstOrDefaultAsync(ct);
        var opKoers = assigned.FirstOrDefault(x => x.Name == OpKoers && x.AgbCode is not null);
        if (child is not null && opKoers is not null)
            messages.Add(new ProviderBericht(LegalFramework.Jeugdwet, opKoers.AgbCode!, child.Bsn!, gemeentecode)
            { Identificatie = "OK-000302", Dagtekening = today, Geboortedatum = ProviderBericht.Date(child.Geboortedatum), Achternaam = child.Achternaam }
                .Request((RequestReference, "45", today.AddDays(7), 3)));

        foreach (var xml in messages)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(gemeentecode, "systeem", "Demo-installatie");
            await scope.ServiceProvider.GetRequiredService<ReceiveBerichtHandler>().ImportAsync(xml, ct);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
