using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Meldcode;

public sealed record MeldcodePerson(Guid PersonId, string Naam);

/// <summary>A track in the household's list: when opened, where it stands, how it ended.</summary>
public sealed record MeldcodeTrackSummary(Guid Id, DateOnly Geopend, string Status, string? WachtOp, string? Besluit, DateOnly? BeslotenOp, IReadOnlyList<MeldcodePerson> Personen);

public sealed record WeighingAnswerView(int Afweging, string Vraag, string Antwoord, string Onderbouwing);

/// <summary>One entry as recorded; <c>gecorrigeerdDoor</c> names the correction that replaces it, if any.</summary>
public sealed record MeldcodeEntryView(Guid Id, string Stap, DateOnly Datum, DateTime VastgelegdOp, string VastgelegdDoor, Guid? Corrigeert, Guid? GecorrigeerdDoor,
    string Tekst, string? Wie, string? Met, bool? Gevoerd, IReadOnlyList<WeighingAnswerView> Afwegingen, string? Uitkomst, string? Besluit, string? Kanaal,
    string? Referentie, IReadOnlyList<Guid> Doelen);

/// <summary>How long a step took: from reaching the step before it (or opening) to reaching this one; <c>tot</c> empty while in progress.</summary>
public sealed record StepDurationView(string Stap, DateOnly Van, DateOnly? Tot, int Dagen);

/// <summary>A track with its persons, its entries in order, the days per step, and what comes next.</summary>
public sealed record MeldcodeTrackView(Guid Id, Guid HuishoudenId, DateOnly Geopend, string Status, string? Besluit, DateOnly? BeslotenOp,
    IReadOnlyList<MeldcodePerson> Personen, IReadOnlyList<MeldcodeEntryView> Vastleggingen, IReadOnlyList<StepDurationView> Duur, string? WachtOp,
    string? Uitkomst, bool MagWerken, int Versie);

/// <summary>The Meldcode's reads: only for who may read the track (<see cref="MeldcodeAccess"/>), each read audited, each refusal too.</summary>
public sealed class MeldcodeQueries(RegieDbContext db, FileAccessService files, MeldcodeAccessService access, AuditLog audit, TimeProvider clock)
{
    /// <summary>The household's tracks, newest first; null (not found, refusal audited) for who may not read them.</summary>
    public async Task<IReadOnlyList<MeldcodeTrackSummary>?> ListAsync(Guid householdId, CancellationToken ct)
    {
        if (!await MayReadAsync(householdId, ct)) return null;
        var tracks = await db.MeldcodeTracks.AsNoTracking().Include(t => t.Entries).Include(t => t.Persons)
            .Where(t => t.HouseholdId == householdId).OrderByDescending(t => t.OpenedAt).ToListAsync(ct);
        var names = await NamesAsync(householdId, ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Meldcode, householdId, detail: "trajecten", ct: ct);
        return tracks.Select(t => new MeldcodeTrackSummary(t.Id, t.OpenedOn, t.Status.ToString(),
            t.Status == MeldcodeTrackStatus.Open ? MeldcodeRules.WaitingFor(t.Reached()).ToString() : null, t.Decision?.ToString(), t.DecidedOn,
            Persons(t, names))).ToList();
    }

    /// <summary>One track of this household; null (not found, refusal audited) for who may not read it, or a track of another household.</summary>
    public async Task<MeldcodeTrackView?> GetAsync(Guid householdId, Guid trackId, CancellationToken ct)
    {
        if (!await MayReadAsync(householdId, ct)) return null;
        var t = await db.MeldcodeTracks.AsNoTracking().Include(x => x.Entries).Include(x => x.Persons)
            .FirstOrDefaultAsync(x => x.Id == trackId && x.HouseholdId == householdId, ct);
        if (t is null) return null;
        var names = await NamesAsync(householdId, ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Meldcode, householdId, detail: $"traject {trackId}", ct: ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var reached = t.Reached();
        var corrections = t.Entries.Where(e => e.CorrectsEntryId is not null).GroupBy(e => e.CorrectsEntryId!.Value)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.RecordedAt)!.Id);
        var entries = t.Entries.OrderBy(e => e.Step).ThenBy(e => e.RecordedAt).Select(e => Entry(e, corrections.GetValueOrDefault(e.Id))).ToList();
        return new MeldcodeTrackView(t.Id, t.HouseholdId, t.OpenedOn, t.Status.ToString(), t.Decision?.ToString(), t.DecidedOn, Persons(t, names), entries,
            MeldcodeRules.Durations(t.OpenedOn, reached, t.Status, today).Select(d => new StepDurationView(d.Step.ToString(), d.From, d.Until, d.Days)).ToList(),
            t.Status == MeldcodeTrackStatus.Open ? MeldcodeRules.WaitingFor(reached).ToString() : null, t.LatestWeighing()?.Outcome?.ToString(),
            await access.MayWorkAsync(householdId, ct), t.Version);
    }

    /// <summary>
    /// Whether the household shows the "Veiligheid" marker to the signed-in user: it has an open track, and the user is a care
    /// worker who may open the file. Never for departments, partners or the look-up. The Veilig Verder plan adds to
    /// <see cref="MarkedAsync"/>.
    /// </summary>
    public async Task<bool> IsMarkedAsync(Guid householdId, CancellationToken ct) => (await MarkedAsync([householdId], ct)).Contains(householdId);

    /// <summary>Of these households, those that show the marker to the signed-in user (one round trip per question for a list).</summary>
    public async Task<IReadOnlySet<Guid>> MarkedAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        if (householdIds.Count == 0 || files.IsSystem || !files.IsCareRole) return new HashSet<Guid>();
        var open = await db.MeldcodeTracks.AsNoTracking().Where(t => householdIds.Contains(t.HouseholdId) && t.Status == MeldcodeTrackStatus.Open)
            .Select(t => t.HouseholdId).Distinct().ToListAsync(ct);
        if (open.Count == 0) return new HashSet<Guid>();
        var levels = await files.DecideManyAsync(open, ct);
        return open.Where(h => levels.GetValueOrDefault(h, FileAccessLevel.Denied) != FileAccessLevel.Denied).ToHashSet();
    }

    /// <summary>The goals of the household's active plan a decision "help organised" may link (for who may read the track).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Wat)>> GoalChoicesAsync(Guid householdId, CancellationToken ct)
    {
        var active = await RecordMeldcodeDecisionHandler.ActiveGoalsAsync(db, householdId, ct);
        return (await db.PlanGoals.AsNoTracking().Where(g => active.Contains(g.Id)).OrderBy(g => g.Wat).Select(g => new { g.Id, g.Wat }).ToListAsync(ct))
            .Select(g => (g.Id, g.Wat)).ToList();
    }

    /// <summary>Who lives in the household now: the persons a new track may be about.</summary>
    public async Task<IReadOnlyList<MeldcodePerson>> MembersAsync(Guid householdId, CancellationToken ct) =>
        (await Plans.PlanVersions.MembersAsync(db, householdId, ct)).Where(m => m.Current).Select(m => new MeldcodePerson(m.PersonId, m.Name)).ToList();

    private async Task<bool> MayReadAsync(Guid householdId, CancellationToken ct)
    {
        if (!await files.CanOpenAsync(householdId, ct)) return false;
        if (await access.MayReadAsync(householdId, ct)) return true;
        await access.RefusedAsync<int>(householdId, ct);
        return false;
    }

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(Guid householdId, CancellationToken ct) =>
        (await Plans.PlanVersions.MembersAsync(db, householdId, ct)).ToDictionary(m => m.PersonId, m => m.Name);

    private static IReadOnlyList<MeldcodePerson> Persons(MeldcodeTrack t, IReadOnlyDictionary<Guid, string> names) =>
        t.Persons.Select(p => new MeldcodePerson(p.PersonId, names.GetValueOrDefault(p.PersonId, "Onbekend"))).OrderBy(p => p.Naam).ToList();

    private static MeldcodeEntryView Entry(MeldcodeEntry e, Guid correctedBy) => new(e.Id, e.Step.ToString(), e.OccurredOn, e.RecordedAt, e.RecordedByName,
        e.CorrectsEntryId, correctedBy == Guid.Empty ? null : correctedBy, e.Text, e.Who, e.ConsultedWith?.ToString(), e.ConversationHeld,
        e.WeighingAnswers().Select(a => new WeighingAnswerView(a.Question, Afwegingskader.Questions[a.Question - 1], a.Answer ? "Ja" : "Nee", a.Reasoning)).ToList(),
        e.Outcome?.ToString(), e.Decision?.ToString(), e.ReportChannel?.ToString(), e.ReportReference, e.LinkedGoalIds());
}
