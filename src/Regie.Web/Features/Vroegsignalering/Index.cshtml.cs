using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>The vroegsignalering worklist: open cases by urgency with "te laat" and "bijna te laat", or the recently closed ones.</summary>
public sealed class IndexModel(VroegsignaleringQueries queries) : PageModel
{
    public WorklistView List { get; private set; } = default!;

    public async Task OnGetAsync(bool afgesloten, CancellationToken ct) => List = await queries.WorklistAsync(afgesloten, ct);
}
