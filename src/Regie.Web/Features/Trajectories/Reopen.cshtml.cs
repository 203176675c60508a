using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Trajectories;

public sealed class ReopenModel(HouseholdQueries households, TrajectoryQueries trajectories, ReopenTrajectoryHandler reopen) : PageModel
{
    [BindProperty] public ReopenInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<TrajectoryView> Earlier { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await reopen.HandleAsync(id, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}/plan", "Het nieuwe traject is gestart. Wijs een regisseur toe en start het plan.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        // Part of the page's read of the household, recorded above.
        Earlier = await trajectories.ForHouseholdAsync(id, ct, audited: false);
        return true;
    }
}
