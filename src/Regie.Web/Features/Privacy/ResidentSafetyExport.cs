using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Privacy;

/// <summary>One entry of a Meldcode track as the resident gets it: the step, when, who recorded it, and what it says.</summary>
/// <param name="Corrigeert">True for a correction of an earlier entry (which is in the export too, unless withheld).</param>
public sealed record ExportMeldcodeEntry(string Stap, DateOnly Datum, DateTime VastgelegdOp, string VastgelegdDoor, bool Corrigeert, string Tekst, string? Wie,
    string? OverlegMet, bool? GesprekGevoerd, IReadOnlyList<string> Afwegingen, string? Uitkomst, string? Besluit, string? GemeldVia, string? Kenmerk);

/// <summary>A Meldcode track (huiselijk geweld en kindermishandeling) about the resident, with its entries.</summary>
public sealed record ExportMeldcodeTrack(string Huishouden, DateOnly Geopend, string Status, string? Besluit, DateOnly? BeslotenOp, IReadOnlyList<ExportMeldcodeEntry> Vastleggingen);

public sealed record ExportSafetyGoal(string Wat, string Voor, DateOnly Streefdatum, string Status);
public sealed record ExportSafetyArrangement(string Wie, string Wat, string Signaal);
public sealed record ExportSafetyCheck(string Wie, string Hoe, string HoeVaak, DateOnly VolgendeControle);

/// <summary>The Veilig Verder plan of a household the resident lived in while it ran.</summary>
/// <param name="InstemmingVersie">The version the household last agreed with, and when; null when it has not agreed yet.</param>
public sealed record ExportSafetyPlan(string Huishouden, DateOnly GestartOp, int Versie, IReadOnlyList<ExportSafetyGoal> Veiligheidsdoelen,
    IReadOnlyList<ExportSafetyArrangement> Afspraken, IReadOnlyList<ExportSafetyCheck> Controles, int? InstemmingVersie, DateOnly? InstemmingOp);

/// <summary>What the export holds of the resident's safety: their Meldcode tracks, the Veilig Verder plans, and whether a part was withheld.</summary>
/// <param name="HiddenIn">Households with a whole track withheld: the trail's Meldcode reads there are left out too, or they would show it exists.</param>
/// <param name="ShownIn">Households where a track about the resident is in the export: only there are the trail's Meldcode reads shown.</param>
public sealed record ResidentSafety(IReadOnlyList<ExportMeldcodeTrack> Tracks, IReadOnlyList<ExportSafetyPlan> Plans, bool Withheld, IReadOnlySet<Guid> HiddenIn,
    IReadOnlySet<Guid> ShownIn);

/// <summary>
/// The safety part of the resident's export: the Meldcode tracks that concern the resident with all their entries, and
/// the Veilig Verder plans of the households they lived in while the plan ran, except what the coordinator withholds
/// (UAVG art. 41). Of a withheld part nothing is given, not even which part or why: the export only says that a part is
/// withheld (<see cref="Statement"/>); the privacy officer sees the reasons (docs/SECURITY.md). Nothing here names another
/// member: their own safety goals and the agreements they carry out stay out, as their plan goals do.
/// </summary>
public static class ResidentSafetyExport
{
    /// <summary>What the export says when a part is withheld: that, and on what ground, never which part or why.</summary>
    public const string Statement = "Een deel van de gegevens over u is niet opgenomen in dit overzicht. De wet staat dat toe als het nodig is ter bescherming van een ander, zoals de veiligheid van een kind (artikel 41 Uitvoeringswet AVG). Heeft u hier vragen over, neem dan contact op met de functionaris gegevensbescherming van de gemeente; u kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.";

    public static async Task<ResidentSafety> CompileAsync(RegieDbContext db, Guid personId, IReadOnlyList<ResidencePeriod> periods, IReadOnlyDictionary<Guid, string> names,
        CancellationToken ct)
    {
        var trackIds = await db.MeldcodeTracks.AsNoTracking().Where(t => t.Persons.Any(p => p.PersonId == personId)).Select(t => t.Id).ToListAsync(ct);
        var tracks = await db.MeldcodeTracks.AsNoTracking().Include(t => t.Entries).Where(t => trackIds.Contains(t.Id)).OrderBy(t => t.OpenedAt).ToListAsync(ct);
        var withheld = await db.MeldcodeWithholdings.AsNoTracking().Where(w => trackIds.Contains(w.TrackId) && w.LiftedAt == null)
            .Select(w => new { w.TrackId, w.EntryId }).ToListAsync(ct);
        var wholeTracks = withheld.Where(w => w.EntryId is null).Select(w => w.TrackId).ToHashSet();
        var entries = WithCorrections(withheld.Select(w => w.EntryId).OfType<Guid>(), tracks.SelectMany(t => t.Entries));
        var householdNames = await HouseholdNamesAsync(db, tracks.Select(t => t.HouseholdId), names, ct);

        var exported = tracks.Where(t => !wholeTracks.Contains(t.Id))
            .Select(t => new ExportMeldcodeTrack(householdNames.GetValueOrDefault(t.HouseholdId, "?"), t.OpenedOn, t.Status.ToString(),
                t.Decision is { } d ? MeldcodeRules.Label(d) : null, t.DecidedOn,
                t.Entries.Where(e => !entries.Contains(e.Id)).OrderBy(e => e.Step).ThenBy(e => e.RecordedAt).Select(Entry).ToList()))
            .ToList();
        var hidden = tracks.Where(t => wholeTracks.Contains(t.Id)).Select(t => t.HouseholdId).ToHashSet();
        var shown = tracks.Where(t => !wholeTracks.Contains(t.Id)).Select(t => t.HouseholdId).ToHashSet();
        return new ResidentSafety(exported, await PlansAsync(db, personId, periods, names, ct), withheld.Count > 0, hidden, shown);
    }

    /// <summary>
    /// A withheld entry is withheld with its whole chain of corrections: a correction repeats what it corrects, and the
    /// original of a withheld correction still says most of it.
    /// </summary>
    private static HashSet<Guid> WithCorrections(IEnumerable<Guid> withheld, IEnumerable<MeldcodeEntry> all)
    {
        var set = withheld.ToHashSet();
        var links = all.Where(e => e.CorrectsEntryId is not null).Select(e => (Correction: e.Id, Original: e.CorrectsEntryId!.Value)).ToList();
        bool grew;
        do
        {
            grew = false;
            foreach (var (correction, original) in links)
                if (set.Contains(correction) != set.Contains(original))
                {
                    set.Add(correction);
                    set.Add(original);
                    grew = true;
                }
        }
        while (grew);
        return set;
    }

    private static ExportMeldcodeEntry Entry(MeldcodeEntry e) => new(MeldcodeRules.Label(e.Step), e.OccurredOn, e.RecordedAt, e.RecordedByName, e.CorrectsEntryId is not null,
        e.Text, e.Who, e.ConsultedWith?.ToString(), e.ConversationHeld,
        e.WeighingAnswers().Select(a => $"{Afwegingskader.Questions[a.Question - 1]} {(a.Answer ? "Ja" : "Nee")}: {a.Reasoning}").ToList(),
        e.Outcome is { } o ? Afwegingskader.Label(o) : null, e.Decision is { } d ? MeldcodeRules.Label(d) : null, e.ReportChannel?.ToString(), e.ReportReference);

    /// <summary>The Veilig Verder plans of the households the resident lived in while the plan ran: the household's safety goals and the resident's own.</summary>
    private static async Task<List<ExportSafetyPlan>> PlansAsync(RegieDbContext db, Guid personId, IReadOnlyList<ResidencePeriod> periods,
        IReadOnlyDictionary<Guid, string> names, CancellationToken ct)
    {
        var householdIds = periods.Select(p => p.HouseholdId).Distinct().ToList();
        var plans = (await db.VeiligVerderPlans.AsNoTracking().Where(v => householdIds.Contains(v.HouseholdId)).OrderBy(v => v.CreatedAt).ToListAsync(ct))
            .Where(v => periods.Any(p => p.HouseholdId == v.HouseholdId && p.Overlaps(v.CreatedAt, null))).ToList();
        var result = new List<ExportSafetyPlan>();
        foreach (var vv in plans)
        {
            var goals = await db.SafetyGoals.AsNoTracking().Where(g => g.VeiligVerderPlanId == vv.Id && (g.PersonId == null || g.PersonId == personId))
                .OrderBy(g => g.Position).ToListAsync(ct);
            var arrangements = await db.SafetyArrangements.AsNoTracking().Where(a => a.VeiligVerderPlanId == vv.Id && (a.PersonId == null || a.PersonId == personId))
                .OrderBy(a => a.Position).ToListAsync(ct);
            var checks = await db.SafetyChecks.AsNoTracking().Where(c => c.VeiligVerderPlanId == vv.Id).OrderBy(c => c.Position).ToListAsync(ct);
            var agreement = await db.VeiligVerderAgreements.AsNoTracking().Where(a => a.VeiligVerderPlanId == vv.Id).OrderByDescending(a => a.RecordedAt)
                .Select(a => new { a.VersionNumber, a.AgreedOn }).FirstOrDefaultAsync(ct);
            result.Add(new ExportSafetyPlan(names.GetValueOrDefault(vv.HouseholdId, "?"), vv.StartedOn, vv.Version,
                goals.Select(g => new ExportSafetyGoal(g.Wat, g.PersonId is null ? "huishouden" : "inwoner", g.Streefdatum, SafetyGoalStatuses.Label(g.Status))).ToList(),
                arrangements.Select(a => new ExportSafetyArrangement(a.ActorName, a.Wat, a.Signaal)).ToList(),
                checks.Select(c => new ExportSafetyCheck(c.Who, SafetyVocabulary.Label(c.Method), SafetyVocabulary.Frequency(c.Every, c.Unit), c.NextOn)).ToList(),
                agreement?.VersionNumber, agreement?.AgreedOn));
        }
        return result;
    }

    private static async Task<IReadOnlyDictionary<Guid, string>> HouseholdNamesAsync(RegieDbContext db, IEnumerable<Guid> ids, IReadOnlyDictionary<Guid, string> known, CancellationToken ct)
    {
        var missing = ids.Distinct().Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count == 0) return known;
        var more = await db.Households.AsNoTracking().Where(h => missing.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Naam, ct);
        return known.Concat(more).ToDictionary(x => x.Key, x => x.Value);
    }

    /// <summary>
    /// Whether the export leaves a Meldcode entry of the trail out: everywhere but the households where a track about the
    /// resident is itself in the export (a fellow member must not learn from the trail that a track exists), there too where a
    /// whole track is withheld, and every entry about a withholding.
    /// </summary>
    public static bool Hides(ResidentSafety safety, AuditEntry read) =>
        read.Resource == AuditResources.Meldcode && (read.HouseholdId is not { } h || !safety.ShownIn.Contains(h) || safety.HiddenIn.Contains(h)
            || (read.Detail ?? "").StartsWith(MeldcodeWithholdingRules.AuditPrefix, StringComparison.Ordinal));
}
