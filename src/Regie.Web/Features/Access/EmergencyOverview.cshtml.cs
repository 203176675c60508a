using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Access;

public sealed class EmergencyOverviewModel(EmergencyAccessOverview overview) : PageModel
{
    public IReadOnlyList<EmergencyAccessRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await overview.RecentAsync(90, ct);
}
