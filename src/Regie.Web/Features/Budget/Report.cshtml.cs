using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Budget;

/// <summary>The municipality's accountability: spending per law, team, life domain and month, with CSV and XLSX export.</summary>
[Authorize(Roles = BudgetRoles.Overview)]
public sealed class ReportModel(BudgetReport report, BudgetQueries budgets) : PageModel
{
    [FromQuery(Name = "jaar")] public int? Jaar { get; set; }
    public BudgetReportView Report { get; private set; } = default!;

    private int Year => Jaar is { } y && y > 2000 && y < 2100 ? y : budgets.CurrentYear;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await report.BuildAsync(Year, ct) is not { } r) return Forbid();
        Report = r;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        await report.BuildAsync(Year, ct) is { } r ? File(await report.CsvAsync(r, ct), "text/csv; charset=utf-8", $"uitgaven-{r.Jaar}.csv") : Forbid();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        await report.BuildAsync(Year, ct) is { } r
            ? File(await report.XlsxAsync(r, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"uitgaven-{r.Jaar}.xlsx")
            : Forbid();
}
