using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Trajectories;

public sealed class CloseModel(HouseholdQueries households, TrajectoryQueries trajectories, CloseTrajectoryHandler close) : PageModel
{
    [BindProperty] public ClosingInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public ClosingForm Form { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Reasons { get; } =
        ClosingReasons.All.Select(r => new SelectListItem(ClosingReasons.Label(r), r.ToString())).Prepend(new SelectListItem("Kies een reden", "")).ToList();
    public IReadOnlyList<SelectListItem> Outcomes { get; } =
        GoalStatuses.Outcomes.Select(s => new SelectListItem(GoalStatuses.Label(s), s.ToString())).Prepend(new SelectListItem("Kies de uitkomst", "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Versie = Form.Trajectory.Versie;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await close.HandleAsync(id, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}", "Het traject is afgesloten. Plan, uitkomsten en metingen blijven bewaard.") is { } done) return done;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (result.Status == CommandStatus.Conflict) Input.Versie = Form.Trajectory.Versie;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h || await trajectories.ClosingFormAsync(id, ct) is not { } form) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        Form = form;
        return true;
    }
}
