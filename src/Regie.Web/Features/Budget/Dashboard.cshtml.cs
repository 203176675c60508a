using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Budget;

/// <summary>Allocated, committed, paid and remaining per team and law, the burn rate against the year, and the largest spends.</summary>
[Authorize(Roles = BudgetRoles.Overview)]
public sealed class DashboardModel(BudgetQueries budgets) : PageModel
{
    [FromQuery(Name = "jaar")] public int? Jaar { get; set; }
    public int Year { get; private set; }
    public IReadOnlyList<TeamBudgetView> Budgets { get; private set; } = [];
    public IReadOnlyList<LargestSpendView> Largest { get; private set; } = [];
    public BalanceView Total { get; private set; } = new(0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = Jaar is { } y && y > 2000 && y < 2100 ? y : budgets.CurrentYear;
        Budgets = await budgets.OverviewAsync(Year, ct);
        Largest = await budgets.LargestAsync(Year, 10, ct);
        Total = new BalanceView(Budgets.Sum(b => b.Saldo.Toegekend), Budgets.Sum(b => b.Saldo.Toegezegd), Budgets.Sum(b => b.Saldo.Betaald), Budgets.Sum(b => b.Saldo.Vrij));
    }
}
