using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;

namespace Regie.Web.Features.Team;

public sealed class StuckModel(StuckHouseholdsQuery query, RegieDbContext db) : PageModel
{
    public IReadOnlyList<StuckHousehold> Households { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    [FromQuery(Name = "team")] public string? Team { get; set; }
    public Domain.Care.StuckSettings Settings => query.Settings;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The lead's own team first; "alle" shows the whole municipality, for a lead who covers for another.
        Team ??= query.OwnTeam?.ToString() ?? "alle";
        Guid? teamId = Guid.TryParse(Team, out var t) ? t : null;
        Teams = (await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            .Select(x => new SelectListItem(x.Name, x.Id.ToString(), x.Id == teamId)).Prepend(new SelectListItem("Alle teams", "alle", teamId is null)).ToList();
        Households = await query.ListAsync(teamId, ct);
    }
}
