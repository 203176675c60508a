using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Infrastructure;
using System.Security.Claims;

namespace Regie.Web.Features.Start;

/// <summary>The landing page for every role; roles without files (department, policy, admin) start here.</summary>
public sealed class IndexModel(Meldcode.MeldcodeTeamQueries meldcode) : PageModel
{
    /// <summary>Whether the user sees the team's Meldcode overview (its aandachtsfunctionaris or team lead).</summary>
    public bool SeesMeldcode { get; private set; }
    /// <summary>How many of the team's Meldcode tracks stood still: a number only, without a household.</summary>
    public int StuckMeldcodeTracks { get; private set; }
    public int StuckAfterDays => meldcode.StuckAfterDays;

    public string Name => User.FindFirstValue(RegieClaims.DisplayName) ?? "";
    public string? Organisation => User.FindFirstValue(RegieClaims.Organisation);
    public string RoleLabel => string.Join(", ", Roles.All.Where(User.IsInRole).Select(Roles.Label));

    public async Task OnGetAsync(CancellationToken ct)
    {
        SeesMeldcode = await meldcode.MaySeeAsync(ct);
        if (SeesMeldcode) StuckMeldcodeTracks = await meldcode.StuckCountAsync(ct);
    }
}
