using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Team;
using Regie.Web.Infrastructure;
using System.Text;

namespace Regie.Web.Features.Monitor;

/// <summary>The policy officer's monitor: figures only, never a household.</summary>
[Authorize(Roles = Roles.Beleid + "," + Roles.Teamleider)]
public sealed class IndexModel(MonitorQuery query, MonitorSnapshots snapshots, RegieDbContext db, AuditLog audit) : PageModel
{
    public MonitorView View { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    [FromQuery(Name = "team")] public string? Team { get; set; }
    [FromQuery(Name = "wijk")] public string? Wijk { get; set; }
    [FromQuery(Name = "werkwijze")] public string? Werkwijze { get; set; }
    public IReadOnlyList<SelectListItem> Werkwijzen { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Wijken { get; private set; } = [];
    [FromQuery(Name = "van")] public string? Van { get; set; }
    [FromQuery(Name = "tot")] public string? Tot { get; set; }
    public string? PeriodError { get; private set; }
    /// <summary>Said at the period's fields when the period shown is not the one asked for (widened to whole months).</summary>
    public string? PeriodNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await CompareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await AuditExportAsync("xlsx", ct);
        return File(MonitorExports.Xlsx(View), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"monitor-{View.Van:yyyy-MM-dd}-{View.Tot:yyyy-MM-dd}.xlsx");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var municipality = await db.Municipalities.Where(m => m.Code == db.Gemeentecode).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "Gemeente";
        await AuditExportAsync("pdf", ct);
        return File(MonitorExports.Pdf(View, municipality), "application/pdf", $"monitor-{View.Van:yyyy-MM-dd}-{View.Tot:yyyy-MM-dd}.pdf");
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await AuditExportAsync("csv", ct);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(MonitorQuery.Csv(View))).ToArray(), "text/csv; charset=utf-8",
            $"monitor-{View.Van:yyyy-MM-dd}-{View.Tot:yyyy-MM-dd}.csv");
    }

    /// <summary>An export leaves the application: on the trail with what was exported (the filters and the period, figures only).</summary>
    private Task AuditExportAsync(string format, CancellationToken ct) =>
        audit.RecordAsync(AuditActions.Export, AuditResources.Monitor, detail: $"monitor als {format}: periode {Van} t/m {Tot}"
            + $", team {(Guid.TryParse(Team, out var team) ? team : "alle")}, wijk {(string.IsNullOrWhiteSpace(Wijk) ? "alle" : Wijk)}, werkwijze {(string.IsNullOrWhiteSpace(Werkwijze) ? "alle" : Werkwijze)}", ct: ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Guid? teamId = Guid.TryParse(Team, out var t) ? t : null;
        Teams = (await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            .Select(x => new SelectListItem(x.Name, x.Id.ToString(), x.Id == teamId)).Prepend(new SelectListItem("Alle teams", "", teamId is null)).ToList();
        var today = query.Today;
        var (askedFrom, askedTo, error) = WaitingTimesModel.Period(Van, Tot, today);
        if (error is null && Domain.Monitor.MonitorPeriod.BeginsAfterToday(askedFrom, today))
        {
            error = Domain.Monitor.MonitorPeriod.StartsInFuture("van", today);
            (askedFrom, askedTo) = (today.AddYears(-1).AddDays(1), today);
        }
        PeriodError = WaitingTimesModel.FallbackMessage(error);
        // Whole months only (the running month up to today), so that two periods a day apart cannot be subtracted.
        var (from, to) = Domain.Monitor.MonitorPeriod.Widen(askedFrom, askedTo, today);
        PeriodNote = error is null && !(string.IsNullOrWhiteSpace(Van) && string.IsNullOrWhiteSpace(Tot)) ? Domain.Monitor.MonitorPeriod.Explain(askedFrom, askedTo, from, to, today) : null;
        Van = DutchDate.Format(from);
        Tot = DutchDate.Format(to);
        var wijken = await MonitorSnapshots.WijkenAsync(db, ct);
        if (Wijk is not null && !wijken.Contains(Wijk)) Wijk = null;
        Wijken = wijken.Select(w => new SelectListItem(w, w, w == Wijk)).Prepend(new SelectListItem("Alle wijken", "", Wijk is null)).ToList();
        var model = Enums.ParseDefined<Domain.Care.TriageModel>(Werkwijze);
        if (model is null) Werkwijze = null;
        Werkwijzen = Enum.GetValues<Domain.Care.TriageModel>().Select(m => new SelectListItem(Domain.Care.TriageRules.Label(m), m.ToString(), m == model))
            .Prepend(new SelectListItem("Alle werkwijzen", "", model is null)).ToList();
        View = await ViewAsync(teamId, from, to, string.IsNullOrEmpty(Wijk) ? null : Wijk, model, ct);
    }

    /// <summary>Precomputed for the standard period; any other question is computed now.</summary>
    private async Task<MonitorView> ViewAsync(Guid? teamId, DateOnly from, DateOnly to, string? wijk, Domain.Care.TriageModel? model, CancellationToken ct)
    {
        Precomputed = (from, to) == MonitorSnapshots.StandardPeriod(query.Today) && await snapshots.ReadAsync(teamId, from, to, ct, wijk, model) is { } snapshot
            ? snapshot : null;
        return Precomputed ?? await query.GetAsync(teamId, from, to, ct, wijk, model);
    }

    public MonitorView? Precomputed { get; private set; }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken ct)
    {
        // Handler methods carry no authorization attributes of their own in Razor Pages: the check is here.
        if (!User.IsInRole(Roles.Beleid)) return Forbid();
        var computed = await snapshots.RefreshAsync(ct, force: true);
        TempData["Melding"] = $"De monitor is opnieuw berekend ({computed} overzichten).";
        return Redirect("/monitor");
    }

    /// <summary>The teams side by side on the figures a council asks about first; only on the page, for the whole municipality.</summary>
    public IReadOnlyList<(string Team, IReadOnlyList<Domain.Monitor.Indicator> Figures)> PerTeam { get; private set; } = [];
    public static readonly string[] CompareKeys = ["zwaarder", "een-plan", "doelen-behaald", "herinstroom"];

    private async Task CompareAsync(CancellationToken ct)
    {
        if (Guid.TryParse(Team, out _) || !string.IsNullOrEmpty(Wijk) || !string.IsNullOrEmpty(Werkwijze)) return;
        var list = new List<(string, IReadOnlyList<Domain.Monitor.Indicator>)>();
        foreach (var team in await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
        {
            var view = (View.Van, View.Tot) == MonitorSnapshots.StandardPeriod(query.Today) && await snapshots.ReadAsync(team.Id, View.Van, View.Tot, ct) is { } snapshot
                ? snapshot : await query.GetAsync(team.Id, View.Van, View.Tot, ct);
            list.Add((team.Name, view.Indicatoren.Where(i => CompareKeys.Contains(i.Key)).ToList()));
        }
        PerTeam = list;
    }
}
