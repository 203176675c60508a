using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Assessment;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Assessments;

public sealed class ZrmModel(HouseholdQueries households, ZrmQueries queries, RecordZrmAssessmentHandler record) : PageModel
{
    [BindProperty] public ZrmInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];
    public ZrmOverview? Overview { get; private set; }

    public static readonly IReadOnlyList<SelectListItem> ScoreOptions =
        new[] { new SelectListItem("Niet beoordeeld", "") }.Concat(Enumerable.Range(1, 5).Select(i => new SelectListItem($"{i} – {Zrm.ScaleLabel(i)}", i.ToString()))).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        return this.Finish(await record.HandleAsync(id, Input, ct), $"/huishoudens/{id}/zrm", "De ZRM-meting is opgeslagen.")
            ?? (await LoadAsync(id, ct) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        // Every domain gets a field, also those the form did not post.
        foreach (var d in Zrm.Domains) Input.Scores.TryAdd(d, null);
        Members = h.Leden.Select(m => new SelectListItem(m.Naam, m.PersonId.ToString())).ToList();
        Overview = await queries.OverviewAsync(id, ct);
        return true;
    }
}
