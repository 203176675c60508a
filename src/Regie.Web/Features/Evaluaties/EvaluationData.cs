using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Models;
using Regie.Domain.Monitor;
using Regie.Web.Data;
using Regie.Web.Features.Team;
using System.Text.Json;

namespace Regie.Web.Features.Evaluaties;

/// <summary>A change one can evaluate: a change of triage model (the whole municipality) or a recorded change of working practice of some teams.</summary>
/// <param name="Id">Het id: van de triageconfiguratie (soort triagemodel) of van de werkwijzewijziging (soort werkwijze); te gebruiken in /api/v1/evaluaties/{id}.</param>
/// <param name="Soort">triagemodel (de hele gemeente: onderbroken tijdreeks) of werkwijze (een of meer teams: verschil in verschillen).</param>
/// <param name="Datum">De datum van de wijziging.</param>
/// <param name="Titel">De titel.</param>
/// <param name="Omschrijving">De omschrijving, als die er is.</param>
/// <param name="Teams">De namen van de teams die veranderden (leeg: de hele gemeente), in de volgorde van teamIds.</param>
/// <param name="TeamIds">Hun ids: de vergelijking gaat op id, zodat twee teams met dezelfde naam gescheiden blijven.</param>
/// <param name="VastgelegdDoor">Wie de wijziging vastlegde (naam van de medewerker).</param>
public sealed record EvaluableChange(Guid Id, string Soort, DateOnly Datum, string Titel, string? Omschrijving, IReadOnlyList<string> Teams, IReadOnlyList<Guid> TeamIds, string? VastgelegdDoor);

/// <summary>
/// Reads what an evaluation needs from the current municipality's data: the changes, and per household its first start with a
/// team in the window with the outcomes after it. The household leaves this file only as an opaque number: no id, name or BSN.
/// </summary>
public sealed class EvaluationData(RegieDbContext db, WaitingTimesQuery waiting, TimeProvider clock)
{
    public const string TriageKind = "triagemodel";
    public const string PracticeKind = "werkwijze";
    /// <summary>How far before a start its request may lie to count for the days to first support.</summary>
    public const int RequestLookBackMonths = 12;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every change of triage model (each configuration after the first) and every recorded change of working practice, newest first.</summary>
    public async Task<IReadOnlyList<EvaluableChange>> ChangesAsync(CancellationToken ct)
    {
        var configurations = await db.TriageConfigurations.AsNoTracking().OrderBy(c => c.ValidFrom).Select(c => new { c.Id, c.Model, c.ValidFrom, c.ChangedBy }).ToListAsync(ct);
        var list = new List<EvaluableChange>();
        for (var i = 1; i < configurations.Count; i++)
        {
            var (before, after) = (configurations[i - 1], configurations[i]);
            if (before.Model == after.Model) continue;
            list.Add(new EvaluableChange(after.Id, TriageKind, DateOnly.FromDateTime(after.ValidFrom),
                $"Triagemodel: van {TriageRules.Label(before.Model).ToLowerInvariant()} naar {TriageRules.Label(after.Model).ToLowerInvariant()}", null, [], [], after.ChangedBy));
        }
        var teams = await TeamNamesAsync(ct);
        foreach (var w in await db.Werkwijzewijzigingen.AsNoTracking().Where(w => w.WithdrawnAt == null).ToListAsync(ct))
        {
            var changed = w.Teams.Select(t => (Id: t, Name: teams.GetValueOrDefault(t, "Onbekend team"))).OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id).ToList();
            list.Add(new EvaluableChange(w.Id, PracticeKind, w.Date, w.Title, w.Description, changed.Select(t => t.Name).ToList(), changed.Select(t => t.Id).ToList(), w.RecordedBy));
        }
        return list.OrderByDescending(c => c.Datum).ThenBy(c => c.Titel).ToList();
    }

    public async Task<Dictionary<Guid, string>> TeamNamesAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);

    /// <summary>
    /// Every trajectory start from <paramref name="from"/> up to (not including) <paramref name="until"/>, with each outcome within
    /// <paramref name="horizon"/> months of the start. The group is the id of the team that took the household on; the key is the
    /// same opaque number for every start of one household.
    /// </summary>
    public async Task<IReadOnlyList<EvaluationUnit>> UnitsAsync(DateOnly from, DateOnly until, int horizon, CancellationToken ct)
    {
        var trajectories = await db.Trajectories.AsNoTracking().Where(t => t.TeamId != null)
            .Select(t => new { t.Id, t.HouseholdId, TeamId = t.TeamId!.Value, t.OpenedOn, t.ClosedOn, t.ClosingReason }).ToListAsync(ct);
        var byHousehold = trajectories.ToLookup(t => t.HouseholdId);
        var starts = trajectories.Where(t => t.OpenedOn >= from && t.OpenedOn < until).OrderBy(t => t.OpenedOn).ThenBy(t => t.Id).ToList();
        var keys = new Dictionary<Guid, int>();
        foreach (var t in starts) keys.TryAdd(t.HouseholdId, keys.Count);
        var end = until.AddMonths(Math.Max(horizon, Evaluation.MarkHorizonMonths));
        var events = (await db.HouseholdEvents.AsNoTracking()
                .Where(e => e.EffectiveDate >= from && e.EffectiveDate < end
                    && (e.Type == EventTypes.DecisionTaken || e.Type == EventTypes.ResidentRated || e.Type == EventTypes.SpendPaid))
                .Select(e => new { e.HouseholdId, e.Type, e.EffectiveDate, e.Data }).ToListAsync(ct))
            .Select(e => (e.HouseholdId, e.Type, e.EffectiveDate, Data: Read(e.Data))).ToLookup(e => e.HouseholdId);
        // A fixed look-back from each start, not from the window: otherwise asking more months before would give an early start a value it lacked.
        var requests = (await waiting.CasesAsync(null, from.AddMonths(-RequestLookBackMonths), until, ct)).ToLookup(c => c.Household);
        var staff = await StaffPerHouseholdMonthAsync(trajectories.Select(t => (t.HouseholdId, t.TeamId, t.OpenedOn, t.ClosedOn)).ToList(), from, end, ct);

        var units = new List<EvaluationUnit>(starts.Count);
        foreach (var t in starts)
        {
            var s = t.OpenedOn;
            var window = s.AddMonths(horizon);
            bool In(DateOnly d) => d >= s && d < window;
            var mine = events[t.HouseholdId].Where(e => In(e.EffectiveDate)).ToList();
            var specialist = mine.Any(e => e.Type == EventTypes.DecisionTaken && e.Data.Specialist)
                || byHousehold[t.HouseholdId].Any(p => p.ClosingReason == ClosingReason.OvergedragenSpecialistischeZorg && p.ClosedOn is { } c && In(c));
            var cost = mine.Where(e => e.Type == EventTypes.SpendPaid).Sum(e => e.Data.Amount ?? 0)
                + mine.Where(e => e.Type == EventTypes.DecisionTaken).Sum(e => e.Data.EstimatedCost ?? 0);
            for (var m = new DateOnly(s.Year, s.Month, 1); m < window; m = m.AddMonths(1))
                if (t.OpenedOn <= m.AddMonths(1).AddDays(-1) && (t.ClosedOn is null || t.ClosedOn >= m))
                    cost += staff.GetValueOrDefault((t.TeamId, m));
            var request = requests[t.HouseholdId].Where(r => r.Requested <= s && r.Requested >= s.AddMonths(-RequestLookBackMonths)).OrderByDescending(r => r.Requested).FirstOrDefault();
            int? days = request is null ? null : Min(request.FirstSupport, s).DayNumber - request.Requested.DayNumber;
            var reEntry = byHousehold[t.HouseholdId].Any(p => p.Id != t.Id && p.ClosedOn is { } c && c <= s && c >= s.AddYears(-1));
            var markWindow = s.AddMonths(Evaluation.MarkHorizonMonths);
            var mark = events[t.HouseholdId].Where(e => e.EffectiveDate >= s && e.EffectiveDate < markWindow && e.Type == EventTypes.ResidentRated && e.Data.Mark is >= 1 and <= 10).OrderBy(e => e.EffectiveDate).Select(e => e.Data.Mark).FirstOrDefault();
            units.Add(new EvaluationUnit(keys[t.HouseholdId], t.TeamId.ToString(), s, specialist, Math.Round(cost, 2), days, reEntry, mark));
        }
        return units;
    }

    private static DateOnly Min(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    /// <summary>
    /// The staff cost of a team in a calendar month (its staff entries, pro rata for the days) divided by the households with a
    /// trajectory of that team open at some time in that month: what one open household-month of that team costs in staff.
    /// </summary>
    private async Task<Dictionary<(Guid Team, DateOnly Month), decimal>> StaffPerHouseholdMonthAsync(
        IReadOnlyList<(Guid Household, Guid Team, DateOnly Opened, DateOnly? Closed)> trajectories, DateOnly from, DateOnly until, CancellationToken ct)
    {
        var entries = (await db.MonitorCostEntries.AsNoTracking().Where(e => e.WithdrawnAt == null && e.TeamId != null && e.Kind == CostKind.Personeel).ToListAsync(ct))
            .GroupBy(e => e.TeamId!.Value).ToDictionary(g => g.Key, g => g.Select(e => e.ToEntry()).ToList());
        var result = new Dictionary<(Guid, DateOnly), decimal>();
        foreach (var (team, costs) in entries)
            for (var m = new DateOnly(from.Year, from.Month, 1); m < until; m = m.AddMonths(1))
            {
                var last = m.AddMonths(1).AddDays(-1);
                var open = trajectories.Where(t => t.Team == team && t.Opened <= last && (t.Closed is null || t.Closed >= m)).Select(t => t.Household).Distinct().Count();
                if (open > 0) result[(team, m)] = SystemCost.Total(costs, CostKind.Personeel, m, last) / open;
            }
        return result;
    }

    private sealed record EventData(bool Specialist, decimal? Amount, decimal? EstimatedCost, int? Mark);

    private static EventData Read(string? json)
    {
        if (json is null) return new EventData(false, null, null, null);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        decimal? Number(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
        var specialist = root.TryGetProperty(EventDataKeys.Specialistisch, out var s) && s.ValueKind == JsonValueKind.True
            && !(root.TryGetProperty(EventDataKeys.Uitkomst, out var u) && u.ValueKind == JsonValueKind.String && u.GetString() == "afgewezen");
        return new EventData(specialist, Number(EventDataKeys.Bedrag), Number(EventDataKeys.GeschatteKosten), (int?)Number(EventDataKeys.Cijfer));
    }
}
