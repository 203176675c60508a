using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Search;

public sealed class ResultsModel(PersonSearch search, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public SearchResultsView Results { get; private set; } = SearchResultsView.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Request.Headers.ContainsKey("HX-Request")) return Redirect("/?q=" + Uri.EscapeDataString(Q ?? ""));
        Results = await SearchResultsView.RunAsync(search, Q ?? "", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return Page();
    }
}
