using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Inkijk;

/// <summary>The partner's list of households whose plan it may look into.</summary>
public sealed class IndexModel(InkijkQueries inkijk) : PageModel
{
    public IReadOnlyList<InkijkHouseholdItem> Households { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Households = await inkijk.ListAsync(ct);
}
