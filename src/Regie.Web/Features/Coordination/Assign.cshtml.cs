using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Coordination;

public sealed class AssignModel(HouseholdQueries households, AssignCoordinatorHandler assign, CoordinationQueries queries) : PageModel
{
    [BindProperty] public AssignCoordinatorInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public string? Current { get; private set; }
    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];
    public IReadOnlyList<AssignmentView> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await assign.HandleAsync(id, Input, ct);
        // Handing over to another team ends this worker's access to the file: back to their own list then.
        var stillOpen = result.IsOk && await households.ExistsAsync(id, ct);
        if (this.Finish(result, stillOpen ? $"/huishoudens/{id}" : "/mijn-huishoudens",
                stillOpen ? "De regisseur is vastgelegd." : "De regie is overgedragen aan een ander team; het dossier staat nu bij dat team.") is { } done) return done;
        var posted = Input;
        await LoadAsync(id, ct);
        if (result.Status != CommandStatus.Conflict) Input.Versie = posted.Versie;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        Current = h.Regisseur;
        Input.Versie = h.Versie;
        Candidates = (await queries.CandidatesAsync(id, ct)).Select(c => new SelectListItem(c.Team is null ? c.Name : $"{c.Name} ({c.Team})", c.UserId))
            .Prepend(new SelectListItem("Kies een medewerker", "")).ToList();
        History = await queries.HistoryAsync(id, ct);
        return true;
    }
}
