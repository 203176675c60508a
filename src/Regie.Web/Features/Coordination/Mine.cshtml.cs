using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Coordination;

public sealed class MineModel(CoordinatorHandler handler) : PageModel
{
    public IReadOnlyList<MyHousehold> Households { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Households = await handler.MineAsync(ct);
}
