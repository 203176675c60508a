using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Meldcode;

/// <summary>The team's open Meldcode tracks, for its aandachtsfunctionaris and its team lead; anyone else is refused.</summary>
public sealed class TeamOverviewModel(MeldcodeTeamQueries queries) : PageModel
{
    public MeldcodeTeamOverview Overview { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await queries.OverviewAsync(ct);
        if (!result.IsOk) return Forbid();
        Overview = result.Value!;
        return Page();
    }
}
