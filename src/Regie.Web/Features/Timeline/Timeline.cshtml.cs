using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;

namespace Regie.Web.Features.Timeline;

public sealed class TimelineModel(HouseholdQueries households, TimelineQuery timeline) : PageModel
{
    public TimelineView View { get; private set; } = default!;
    public bool IsFragment => Request.Headers.ContainsKey("HX-Request");

    public async Task<IActionResult> OnGetAsync(Guid id, long? voor, CancellationToken ct)
    {
        if (!await households.ExistsAsync(id, ct)) return NotFound();
        if (await timeline.ReadAsync(id, voor, ct) is not { } page) return NotFound();
        View = new TimelineView(id, page);
        return Page();
    }
}
