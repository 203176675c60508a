using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Coordination;

public sealed class MineModel(CoordinationQueries queries) : PageModel
{
    public IReadOnlyList<MyHousehold> Households { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Households = await queries.MineAsync(ct);
}
