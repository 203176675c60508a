using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure;
using System.Text.Json;

namespace Regie.Web.Features.Monitor;

/// <summary>
/// Precomputes the monitor over the standard period (the last twelve months) for every question the
/// filters ask one at a time — the municipality, each team, each wijk, each working model — so the
/// page reads one row instead of counting a whole municipality's history. A scope is computed again
/// only when the facts changed (a new event or cost entry) or the day moved on; other periods and
/// combined filters (a team within a wijk) are computed on request.
/// </summary>
public sealed class MonitorSnapshots(RegieDbContext db, MonitorQuery query, CurrentUser user)
{
    public const string All = "alle";
    /// <summary>Raised whenever a change of the monitor's rules changes stored figures, so every snapshot is computed again.</summary>
    public const string RulesVersion = "r6";

    /// <summary>The last twelve months in whole months and the running month up to today (<see cref="Domain.Monitor.MonitorPeriod.Standard"/>).</summary>
    public static (DateOnly From, DateOnly To) StandardPeriod(DateOnly today) => Domain.Monitor.MonitorPeriod.Standard(today);

    /// <summary>The stored row's name for a question, or null for a combination that is not precomputed.</summary>
    public static string? Key(Guid? team, string? wijk, Domain.Care.TriageModel? model) => (team, wijk, model) switch
    {
        (null, null, null) => All,
        ({ } t, null, null) => t.ToString(),
        // A wijk's name may be longer than the row's name (40): a fixed-length digest of it always fits.
        (null, { } w, null) => "wijk:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(w)))[..32],
        (null, null, { } m) => $"werkwijze:{m}",
        _ => null,
    };

    /// <summary>The wijken the teams work in: the page's filter and the precomputed scopes. Reading them from every household would scan the registry.</summary>
    public static Task<List<string>> WijkenAsync(RegieDbContext db, CancellationToken ct) =>
        db.Teams.AsNoTracking().Where(t => t.Wijk != null).Select(t => t.Wijk!).Distinct().OrderBy(w => w).ToListAsync(ct);

    /// <summary>Refreshes the current municipality's scopes; returns how many were computed again.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct, bool force = false)
    {
        var (from, to) = StandardPeriod(query.Today);
        var lastEvent = await db.HouseholdEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var costs = await db.MonitorCostEntries.CountAsync(ct);
        var withdrawn = await db.MonitorCostEntries.CountAsync(e => e.WithdrawnAt != null, ct);
        // The Meldcode keeps off the timeline (the timeline is wider read than the track): its entries, append-only, and the
        // Veilig Verder plans are counted instead.
        var meldcode = await db.MeldcodeEntries.CountAsync(ct);
        var veiligVerder = await db.VeiligVerderPlans.CountAsync(ct);
        // Vroegsignalering keeps off the timeline too: its signals, their matches, the attempts and the closed cases are counted.
        var signals = await db.Vroegsignalen.CountAsync(ct);
        var matched = await db.Vroegsignalen.CountAsync(s => s.ZaakId != null, ct);
        var attempts = await db.Contactpogingen.CountAsync(ct);
        var closedCases = await db.Vroegsignaalzaken.CountAsync(z => z.ClosedOn != null, ct);
        // Toewijzingen and the providers' starts and stops (issue 23) keep off the timeline's count too.
        var assignments = await db.Toewijzingen.CountAsync(ct);
        var started = await db.Toewijzingen.CountAsync(t => t.StartedOn != null, ct);
        var stopped = await db.Toewijzingen.CountAsync(t => t.StoppedOn != null, ct);
        // The rules' version first: figures stored under earlier rules (requests, not households, for the threshold) are computed again.
        var stamp = $"{RulesVersion}:{lastEvent}:{costs}:{withdrawn}:{meldcode}:{veiligVerder}:{signals}:{matched}:{attempts}:{closedCases}:{assignments}:{started}:{stopped}";
        var existing = await db.MonitorSnapshots.ToDictionaryAsync(s => s.Scope, ct);
        var scopes = new List<(Guid? Team, string? Wijk, Domain.Care.TriageModel? Model)> { (null, null, null) };
        scopes.AddRange((await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Id).ToListAsync(ct)).Select(t => ((Guid?)t, (string?)null, (Domain.Care.TriageModel?)null)));
        scopes.AddRange((await WijkenAsync(db, ct)).Select(w => ((Guid?)null, (string?)w, (Domain.Care.TriageModel?)null)));
        scopes.AddRange(Enum.GetValues<Domain.Care.TriageModel>().Select(m => ((Guid?)null, (string?)null, (Domain.Care.TriageModel?)m)));
        var computed = 0;
        foreach (var (team, wijk, model) in scopes)
        {
            var key = Key(team, wijk, model)!;
            if (!force && existing.TryGetValue(key, out var current) && current.Stamp == stamp && current.From == from && current.To == to) continue;
            var view = await query.GetAsync(team, from, to, ct, wijk, model);
            var row = existing.GetValueOrDefault(key);
            if (row is null)
            {
                row = new MonitorSnapshot { Gemeentecode = user.Gemeentecode!, Scope = key, Stamp = stamp, Figures = "" };
                db.MonitorSnapshots.Add(row);
            }
            row.From = from;
            row.To = to;
            row.Stamp = stamp;
            row.ComputedAt = view.StandVan;
            row.Figures = JsonSerializer.Serialize(view);
            computed++;
        }
        await db.SaveChangesAsync(ct);
        return computed;
    }

    /// <summary>The precomputed figures for this question and period, or null when there are none (the caller computes them).</summary>
    public async Task<MonitorView?> ReadAsync(Guid? team, DateOnly from, DateOnly to, CancellationToken ct, string? wijk = null, Domain.Care.TriageModel? model = null)
    {
        if (Key(team, wijk, model) is not { } key) return null;
        var row = await db.MonitorSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Scope == key && s.From == from && s.To == to, ct);
        return row is null ? null : JsonSerializer.Deserialize<MonitorView>(row.Figures)! with { StandVan = row.ComputedAt };
    }
}

/// <summary>Refreshes every municipality's monitor every <c>Monitor:RefreshMinutes</c> (default 60); off with <c>Monitor:RefreshJobEnabled=false</c>.</summary>
public sealed class MonitorRefreshJob(IServiceScopeFactory scopes, IConfiguration config, ILogger<MonitorRefreshJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Monitor:RefreshJobEnabled", true)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Monitor:RefreshMinutes", 60))));
        do
        {
            try
            {
                await RefreshAllAsync(scopes, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Monitor refresh failed; it will be tried again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public static async Task<int> RefreshAllAsync(IServiceScopeFactory scopes, CancellationToken ct, bool force = false)
    {
        List<string> codes;
        await using (var scope = scopes.CreateAsyncScope())
            codes = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Municipalities.Select(m => m.Code).ToListAsync(ct);
        var computed = 0;
        foreach (var code in codes)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(code, "monitor", "Monitor (automatisch)");
            computed += await scope.ServiceProvider.GetRequiredService<MonitorSnapshots>().RefreshAsync(ct, force);
        }
        return computed;
    }
}
