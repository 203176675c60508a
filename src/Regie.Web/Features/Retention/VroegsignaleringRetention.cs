using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Vroegsignalering;

namespace Regie.Web.Features.Retention;

/// <param name="Signals">Signals whose personal data was cleared (or, in a dry run, would be).</param>
/// <param name="Cases">Closed vroegsignaalzaken whose household and notes were cleared (or would be).</param>
public sealed record EarlySignalRetention(int Signals, int Cases);

/// <summary>
/// The vroegsignalering step of the retention run (issue 22): per municipality, with its own term
/// (<see cref="VroegsignaleringSettings.RetentionMonths"/>, <see cref="SignalRetention"/> for when it counts from and why every
/// outcome is treated alike), the personal data of signals past their term is cleared and their cases lose the household and the
/// workers' notes. Rows stay, so the DDAS counts and the monitor still add up. Set-based updates in batches of
/// <see cref="BatchSize"/>: a municipality may have hundreds of thousands of signals. Idempotent: a cleared signal carries
/// <see cref="Vroegsignaal.AnonymisedAt"/>, a cleared case has nothing left to clear.
/// </summary>
public sealed class VroegsignaleringRetention(RegieDbContext db, VroegsignaleringSettingsReader settings, AuditLog audit)
{
    public const int BatchSize = 5000;

    public async Task<EarlySignalRetention> RunAsync(bool dryRun, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var codes = await db.Municipalities.IgnoreQueryFilters().OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct);
        var total = new EarlySignalRetention(0, 0);
        foreach (var code in codes)
        {
            var months = (await settings.GetAsync(code, ct)).RetentionMonths;
            var cutoff = SignalRetention.Cutoff(today, months);
            var done = dryRun
                ? new EarlySignalRetention(await ExpiredSignals(code, cutoff).CountAsync(ct), await ExpiredCases(code, cutoff).CountAsync(ct))
                : new EarlySignalRetention(await ClearSignalsAsync(code, cutoff, now, ct), await ClearCasesAsync(code, cutoff, ct));
            if (!dryRun && (done.Signals > 0 || done.Cases > 0))
                await audit.RecordAsync(AuditActions.Retention, AuditResources.EarlySignal,
                    detail: $"gemeente {code}: {done.Signals} vroegsignalen geanonimiseerd, {done.Cases} vroegsignaalzaken ontdaan van huishouden en notities; bewaartermijn {months} maanden verstreken",
                    ct: ct);
            total = new EarlySignalRetention(total.Signals + done.Signals, total.Cases + done.Cases);
        }
        return total;
    }

    /// <summary>
    /// What retention clears of a signal: who it is about as the partner knew them, the partner's reference (it identifies the resident
    /// at the partner; an old signal's reference is no longer needed to refuse the same signal twice), and the match to the registry.
    /// Partner, kind, dates, amount, months, crisis, warm hand-over, status and the case stay for the DDAS counts.
    /// </summary>
    public static void ClearSignal(UpdateSettersBuilder<Vroegsignaal> s, DateTime now) => s
        .SetProperty(x => x.Kenmerk, (string?)null).SetProperty(x => x.Bsn, (string?)null)
        .SetProperty(x => x.Voorletters, (string?)null).SetProperty(x => x.Voorvoegsel, (string?)null).SetProperty(x => x.Achternaam, (string?)null)
        .SetProperty(x => x.Geboortedatum, (DateOnly?)null)
        .SetProperty(x => x.Straat, (string?)null).SetProperty(x => x.Postcode, (string?)null).SetProperty(x => x.Huisnummer, (int?)null)
        .SetProperty(x => x.Huisnummertoevoeging, (string?)null).SetProperty(x => x.Woonplaats, (string?)null)
        .SetProperty(x => x.Telefoon, (string?)null).SetProperty(x => x.Email, (string?)null)
        .SetProperty(x => x.PersonId, (Guid?)null).SetProperty(x => x.HouseholdId, (Guid?)null).SetProperty(x => x.MatchedBy, (string?)null)
        .SetProperty(x => x.AnonymisedAt, now);

    /// <summary>What retention clears of a closed case: the household and the closing note. Outcome, dates, crisis and the link to the request stay.</summary>
    public static void ClearCase(UpdateSettersBuilder<Vroegsignaalzaak> s) => s
        .SetProperty(z => z.HouseholdId, (Guid?)null).SetProperty(z => z.ClosingNote, (string?)null).SetProperty(z => z.Version, z => z.Version + 1);

    /// <summary>What retention clears of a contact attempt: the worker's note. Kind, date, part of day and whether the resident was reached stay.</summary>
    public static void ClearAttempt(UpdateSettersBuilder<Contactpoging> s) => s.SetProperty(p => p.Note, (string?)null);

    /// <summary>Signals not yet cleared whose case closed before <paramref name="cutoff"/>, or that were never matched and came in before it.</summary>
    private IQueryable<Vroegsignaal> ExpiredSignals(string code, DateOnly cutoff) =>
        db.Vroegsignalen.IgnoreQueryFilters().Where(s => s.Gemeentecode == code && s.AnonymisedAt == null && (s.ZaakId == null
            ? s.ReceivedOn < cutoff
            : db.Vroegsignaalzaken.IgnoreQueryFilters().Any(z => z.Id == s.ZaakId && z.ClosedOn != null && z.ClosedOn < cutoff)));

    /// <summary>Cases closed before <paramref name="cutoff"/> with something left to clear.</summary>
    private IQueryable<Vroegsignaalzaak> ExpiredCases(string code, DateOnly cutoff) =>
        db.Vroegsignaalzaken.IgnoreQueryFilters().Where(z => z.Gemeentecode == code && z.ClosedOn != null && z.ClosedOn < cutoff
            && (z.HouseholdId != null || z.ClosingNote != null || db.Contactpogingen.IgnoreQueryFilters().Any(p => p.ZaakId == z.Id && p.Note != null)));

    private async Task<int> ClearSignalsAsync(string code, DateOnly cutoff, DateTime now, CancellationToken ct)
    {
        var cleared = 0;
        while (true)
        {
            var batch = await ExpiredSignals(code, cutoff).OrderBy(s => s.Id).Select(s => s.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return cleared;
            cleared += await db.Vroegsignalen.IgnoreQueryFilters().Where(s => batch.Contains(s.Id)).ExecuteUpdateAsync(s => ClearSignal(s, now), ct);
            if (batch.Count < BatchSize) return cleared;
        }
    }

    private async Task<int> ClearCasesAsync(string code, DateOnly cutoff, CancellationToken ct)
    {
        var cleared = 0;
        while (true)
        {
            var batch = await ExpiredCases(code, cutoff).OrderBy(z => z.Id).Select(z => z.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return cleared;
            // A case and its attempts together, so no case is left with half its notes.
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await db.Contactpogingen.IgnoreQueryFilters().Where(p => batch.Contains(p.ZaakId) && p.Note != null).ExecuteUpdateAsync(ClearAttempt, ct);
                cleared += await db.Vroegsignaalzaken.IgnoreQueryFilters().Where(z => batch.Contains(z.Id)).ExecuteUpdateAsync(ClearCase, ct);
                await tx.CommitAsync(ct);
            }
            if (batch.Count < BatchSize) return cleared;
        }
    }
}
