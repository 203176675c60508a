using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Audit;

[Authorize(Roles = Roles.Privacy)]
public sealed class IndexModel(AuditSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public AuditFilter Filter { get; set; } = new();
    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public string NextPageUrl => QueryHelpers.AddQueryString("/privacy/audit", new Dictionary<string, string?>
    {
        ["Filter.Bsn"] = Filter.Bsn, ["Filter.Gebruiker"] = Filter.Gebruiker, ["Filter.Van"] = Filter.Van, ["Filter.Tot"] = Filter.Tot,
        ["Filter.Huishouden"] = Filter.Huishouden?.ToString(), ["Filter.Voor"] = Rows.Count > 0 ? Rows[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }.Where(kv => kv.Value is not null));

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (rows, errors) = await search.SearchAsync(Filter, AuditSearch.PageSize, ct);
        errors.Errors.AddTo(ModelState, "Filter");
        Rows = rows;
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var (csv, _) = await search.ExportCsvAsync(Filter, ct);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"audittrail-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }
}
