using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Budget;

/// <summary>Spends waiting for this user's decision: the team lead's own team, or, for the municipality, those above the team lead's limit.</summary>
[Authorize(Roles = BudgetRoles.Approvers)]
public sealed class ApprovalsModel(SpendQueries spends) : PageModel
{
    public IReadOnlyList<SpendView> Pending { get; private set; } = [];
    public IReadOnlyList<SpendView> Decided { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await spends.PendingAsync(ct);
        Decided = await spends.DecidedAsync(20, ct);
    }
}
