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
        PeriodError = FallbackMessage(error);
        Van = DutchDate.Format(from);
        Tot = DutchDate.Format(to);
        View = await query.GetAsync(teamId, from, to, ct);
    }

    /// <summary>
    /// The last twelve months unless asked otherwise. A wrong period (unreadable, a year no report can answer, an end
    /// before the start: <see cref="DateRules.CheckPeriod"/>) falls back to that default, with the reason at the query parameter.
    /// </summary>
    public static (DateOnly From, DateOnly To, DomainError? Error) Period(string? van, string? tot, DateOnly today)
    {
        var defaultFrom = today.AddYears(-1).AddDays(1);
        var from = defaultFrom;
        var to = today;
        if (!string.IsNullOrWhiteSpace(van) && !DutchDate.TryParse(van, out from))
            return (defaultFrom, today, DateRules.PeriodStartUnreadable("van"));
        if (!string.IsNullOrWhiteSpace(tot) && !DutchDate.TryParse(tot, out to))
            return (defaultFrom, today, DateRules.PeriodEndUnreadable("tot"));
        var error = DateRules.CheckPeriod(from, to, today, "van", "tot").FirstOrDefault();
        return error is null ? (from, to, null) : (defaultFrom, today, error);
    }

    /// <summary>What a page says when it shows the default period instead of the one asked for.</summary>
    public static string? FallbackMessage(DomainError? error) =>
        error is null ? null : $"{error.Message} Hieronder staan de afgelopen twaalf maanden.";
}
