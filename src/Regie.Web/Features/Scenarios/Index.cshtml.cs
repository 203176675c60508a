using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Scenarios;

/// <summary>The saved scenarios of the municipality: the policy officer's only.</summary>
[Authorize(Roles = Roles.Beleid)]
public sealed class IndexModel(ScenarioQueries queries) : PageModel
{
    public IReadOnlyList<ScenarioListItem> Scenarios { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Scenarios = await queries.ListAsync(ct);
}
