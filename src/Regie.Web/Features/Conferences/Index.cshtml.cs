using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;

namespace Regie.Web.Features.Conferences;

public sealed class IndexModel(HouseholdQueries households, ConferenceQueries conferences) : PageModel
{
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<ConferenceSummary> Conferences { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return NotFound();
        var list = await conferences.ListAsync(id, ct);
        if (!list.IsOk) return list.Status == Shared.CommandStatus.Forbidden ? Forbid() : NotFound();
        (HouseholdId, HouseholdNaam, Conferences) = (id, h.Naam, list.Value!);
        return Page();
    }
}
