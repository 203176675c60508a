using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Team;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Monitor;

/// <summary>The policy officer's monitor: figures only, never a household.</summary>
[Authorize(Roles = Roles.Beleid + "," + Roles.Teamleider)]
public sealed class IndexModel(MonitorQuery query, RegieDbContext db) : PageModel
{
    public MonitorView View { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    [FromQuery(Name = "team")] public string? Team { get; set; }
    [FromQuery(Name = "van")] public string? Van { get; set; }
    [FromQuery(Name = "tot")] public string? Tot { get; set; }
    public string? PeriodError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(MonitorQuery.Csv(View))).ToArray(), "text/csv; charset=utf-8",
            $"monitor-{View.Van:yyyy-MM-dd}-{View.Tot:yyyy-MM-dd}.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Guid? teamId = Guid.TryParse(Team, out var t) ? t : null;
        Teams = (await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            .Select(x => new SelectListItem(x.Name, x.Id.ToString(), x.Id == teamId)).Prepend(new SelectListItem("Alle teams", "", teamId is null)).ToList();
        var (from, to, error) = WaitingTimesModel.Period(Van, Tot, query.Today);
        PeriodError = error;
        Van = DutchDate.Format(from);
        Tot = DutchDate.Format(to);
        View = await query.GetAsync(teamId, from, to, ct);
    }
}
