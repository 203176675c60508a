using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Budget;

/// <summary>The municipality as budget holder: allocates the teams' yearly budgets (optionally earmarked per law) and moves money between teams with a reason.</summary>
[Authorize(Roles = BudgetRoles.Municipality)]
public sealed class ManageModel(BudgetQueries budgets, AllocateBudgetHandler allocate, TransferBudgetHandler transfer) : PageModel
{
    [BindProperty] public AllocationInput Allocation { get; set; } = new();
    [BindProperty] public TransferInput Transfer { get; set; } = new();
    public IReadOnlyList<TeamBudgetView> Budgets { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Frameworks { get; } =
        LegalFrameworks.All.Select(f => new SelectListItem(LegalFrameworks.Label(f), f.ToString())).Prepend(new SelectListItem("Geen oormerk (integraal)", "")).ToList();
    public IReadOnlyList<EntryView>? Ledger { get; private set; }
    [FromQuery(Name = "grootboek")] public Guid? LedgerOf { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Allocation.Jaar = Transfer.Jaar = budgets.CurrentYear;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAllocateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await allocate.HandleAsync(Allocation, ct);
        if (this.Finish(result, "/beheer/budget", "Het budget is toegekend.") is { } done) return done;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTransferAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await transfer.HandleAsync(Transfer, ct);
        if (result.IsOk)
        {
            TempData["Melding"] = "Het geld is overgeboekt.";
            return Redirect("/beheer/budget");
        }
        result.Errors.AddTo(ModelState, "Transfer");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Budgets = await budgets.OverviewAsync(budgets.CurrentYear, ct);
        Teams = (await budgets.TeamsAsync(ct)).Select(t => new SelectListItem(t.Name, t.Id.ToString())).Prepend(new SelectListItem("Kies een team", "")).ToList();
        if (LedgerOf is { } id) Ledger = await budgets.LedgerAsync(id, ct);
    }
}
