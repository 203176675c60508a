using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.VeiligVerder;

public sealed class IndexModel(HouseholdQueries households, VeiligVerderQueries queries, StartVeiligVerderHandler start) : PageModel
{
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public VeiligVerderView? VeiligVerder { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) && VeiligVerder is not null ? Page() : NotFound();

    /// <summary>Started from the plan page; errors (no active plan, already started, emergency access) are shown here.</summary>
    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        var result = await start.HandleAsync(id, ct);
        if (this.Finish(result, $"/huishoudens/{id}/plan/veilig-verder", "Het Veilig Verder-plan is gestart. Leg vast wat veilig moet zijn en wat u afspreekt.") is { } done)
            return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        VeiligVerder = await queries.CurrentAsync(id, ct);
        return true;
    }
}
