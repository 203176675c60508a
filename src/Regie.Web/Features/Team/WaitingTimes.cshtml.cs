using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Web.Data;

namespace Regie.Web.Features.Team;

public sealed class WaitingTimesModel(WaitingTimesQuery query, RegieDbContext db) : PageModel
{
    public WaitingTimesView View { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    [FromQuery(Name = "team")] public string? Team { get; set; }
    [FromQuery(Name = "van")] public string? Van { get; set; }
    [FromQuery(Name = "tot")] public string? Tot { get; set; }
    public string? PeriodError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Team ??= query.OwnTeam?.ToString() ?? "alle";
        Guid? teamId = Guid.TryParse(Team, out var t) ? t : null;
        Teams = (await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            .Select(x => new SelectListItem(x.Name, x.Id.ToString(), x.Id == teamId)).Prepend(new SelectListItem("Alle teams", "alle", teamId is null)).ToList();
        var (from, to, error) = Period(Van, Tot, query.Today);
        PeriodError = error;
        Van = DutchDate.Format(from);
        Tot = DutchDate.Format(to);
        View = await query.GetAsync(teamId, from, to, ct);
    }

    /// <summary>The last twelve months unless asked otherwise; a wrong period falls back to that default with a message.</summary>
    public static (DateOnly From, DateOnly To, string? Error) Period(string? van, string? tot, DateOnly today)
    {
        var defaultFrom = today.AddYears(-1).AddDays(1);
        var from = defaultFrom;
        var to = today;
        if (!string.IsNullOrWhiteSpace(van) && !DutchDate.TryParse(van, out from) || !string.IsNullOrWhiteSpace(tot) && !DutchDate.TryParse(tot, out to))
            return (defaultFrom, today, "Vul de periode in als dd-mm-jjjj; hieronder staan de afgelopen twaalf maanden.");
        if (string.IsNullOrWhiteSpace(van)) from = defaultFrom;
        if (string.IsNullOrWhiteSpace(tot)) to = today;
        return to < from ? (defaultFrom, today, "De einddatum ligt vóór de begindatum; hieronder staan de afgelopen twaalf maanden.") : (from, to, null);
    }
}
