using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Meldcode;

/// <summary>The household's Meldcode tracks, for who may read them; others get "not found".</summary>
public sealed class IndexModel(MeldcodeQueries queries) : PageModel
{
    public Guid HouseholdId { get; private set; }
    public IReadOnlyList<MeldcodeTrackSummary> Tracks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.ListAsync(id, ct) is not { } tracks) return NotFound();
        HouseholdId = id;
        Tracks = tracks;
        return Page();
    }
}
