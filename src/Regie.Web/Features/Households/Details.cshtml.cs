using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Households;

public sealed class DetailsModel(HouseholdQueries queries, TimelineQuery timeline, Access.FileAccessService access) : PageModel
{
    public HouseholdView Household { get; private set; } = default!;
    /// <summary>Null when the timeline was not shared with this user (partners).</summary>
    public TimelineView? Timeline { get; private set; }
    public bool MayEdit => access.IsCareRole;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } h) return NotFound();
        Household = h;
        if ((await access.VisiblePartsAsync(id, ct)).Contains(Access.FileAccessService.Parts.Timeline))
            Timeline = new TimelineView(id, await timeline.ForHouseholdAsync(id, null, ct));
        return Page();
    }
}
