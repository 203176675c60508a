using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Access;

public sealed class EmergencyOverviewModel(AccessQueries queries) : PageModel
{
    public IReadOnlyList<EmergencyAccessRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.RecentEmergencyAccessAsync(90, ct);
}
