using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Berichten;

/// <summary>One message: its problems for the desk, its XML for who may open the client's household.</summary>
public sealed class DetailsModel(BerichtenQueries queries) : PageModel
{
    public BerichtDetail Detail { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Detail = result.Value!;
        return Page();
    }
}
