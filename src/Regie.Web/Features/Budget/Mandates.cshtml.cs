using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>Mandates per role and per person, set by the municipality; every change is kept.</summary>
[Authorize(Roles = BudgetRoles.Settings)]
public sealed class MandatesModel(BudgetSettings settings, SetMandateHandler setMandate) : PageModel
{
    [BindProperty] public MandateInput Input { get; set; } = new();
    public IReadOnlyList<MandateView> Current { get; private set; } = [];
    public IReadOnlyList<MandateView> History { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleOptions { get; } =
        BudgetSettings.MandateRoles.Select(r => new SelectListItem(Roles.Label(r), r)).Prepend(new SelectListItem("Kies een rol", "")).ToList();
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await setMandate.HandleAsync(Input, ct);
        if (this.Finish(result, "/beheer/mandaten", "Het mandaat is opgeslagen.") is { } done) return done;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var overview = await settings.MandatesOverviewAsync(ct);
        (Current, History) = (overview.Current, overview.History);
        People = overview.Staff.Select(u => new SelectListItem(u.Name, u.Id)).Prepend(new SelectListItem("Niemand in het bijzonder (mandaat van de rol)", "")).ToList();
    }
}
