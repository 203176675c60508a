using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Inkijk;

/// <summary>One household's plan as the partner sees it, with a progress form on each of its own open actions.</summary>
public sealed class HouseholdModel(InkijkQueries inkijk, ReportProgressHandler report) : PageModel
{
    [BindProperty] public ProgressInput Input { get; set; } = new();
    public InkijkView View { get; private set; } = null!;
    /// <summary>The action whose progress form was posted with errors: its errors are shown there.</summary>
    public Guid? PostedAction { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid householdId, CancellationToken ct) => await LoadAsync(householdId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid householdId, Guid actionId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await report.HandleAsync(householdId, actionId, Input, ct);
        if (this.Finish(result, $"/inkijk/{householdId}", "De voortgang is opgeslagen.") is { } done) return done;
        PostedAction = actionId;
        return await LoadAsync(householdId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid householdId, CancellationToken ct)
    {
        if (await inkijk.HouseholdAsync(householdId, ct) is not { } view) return false;
        View = view;
        return true;
    }
}
