using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Households;

public sealed class DetailsModel(HouseholdQueries queries, TimelineQuery timeline) : PageModel
{
    public HouseholdView Household { get; private set; } = default!;
    public TimelineView Timeline { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } h) return NotFound();
        Household = h;
        Timeline = new TimelineView(id, await timeline.ForHouseholdAsync(id, null, ct));
        return Page();
    }
}
