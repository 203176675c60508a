using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Scenarios;

/// <summary>A saved scenario: its assumptions, seed and data date, the comparison with intervals, the sensitivity, and its exports.</summary>
[Authorize(Roles = Roles.Beleid)]
public sealed class DetailModel(ScenarioQueries queries, SaveScenarioHandler handler, RegieDbContext db, AuditLog audit) : PageModel
{
    public ScenarioDetail Scenario { get; private set; } = default!;
    /// <summary>After "opnieuw berekenen": whether the computation gave every stored figure again.</summary>
    public bool? Reproduced { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } s) return NotFound();
        Scenario = s;
        return Page();
    }

    public async Task<IActionResult> OnPostRecomputeAsync(Guid id, CancellationToken ct)
    {
        if (await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } stored) return NotFound();
        Scenario = ScenarioQueries.Detail(stored);
        Reproduced = SaveScenarioHandler.Reproduces(stored);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) =>
        this.Finish(await handler.DeleteAsync(id, ct), "/monitor/scenarios", "Het scenario is verwijderd.") ?? RedirectToPage();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } s) return NotFound();
        await AuditExportAsync(s, "csv", ct);
        return File(ScenarioExports.CsvBytes(s), "text/csv; charset=utf-8", $"scenario-{s.StandVan:yyyy-MM-dd}-{s.Id:N}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } s) return NotFound();
        await AuditExportAsync(s, "xlsx", ct);
        return File(ScenarioExports.Xlsx(s), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"scenario-{s.StandVan:yyyy-MM-dd}-{s.Id:N}.xlsx");
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } s) return NotFound();
        var municipality = await db.Municipalities.Where(m => m.Code == db.Gemeentecode).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "Gemeente";
        await AuditExportAsync(s, "pdf", ct);
        return File(ScenarioExports.Pdf(s, municipality), "application/pdf", $"scenario-{s.StandVan:yyyy-MM-dd}-{s.Id:N}.pdf");
    }

    /// <summary>An export leaves the application: on the trail with what it was (the scenario, never a household).</summary>
    private Task AuditExportAsync(ScenarioDetail s, string format, CancellationToken ct) =>
        audit.RecordAsync(AuditActions.Export, AuditResources.Scenario, detail: $"scenario {s.Id} als {format}: {s.Naam}, stand van {Domain.Common.DutchDate.Format(s.StandVan)}", ct: ct);
}
