using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;

namespace Regie.Web.Features.Plans;

public sealed class VersionsModel(HouseholdQueries households, PlanQueries plans) : PageModel
{
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<PlanVersionInfo> Versions { get; private set; } = [];
    public PlanComparison? Comparison { get; private set; }
    [FromQuery(Name = "links")] public int? Left { get; set; }
    [FromQuery(Name = "rechts")] public int? Right { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h || await plans.CurrentAsync(id, ct) is not { } plan) return NotFound();
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        Versions = await plans.VersionsAsync(id, plan.Id, ct);
        // Without a choice: the latest change, i.e. the newest version against the one before it.
        var right = Right ?? Versions[0].Nummer;
        var left = Left ?? Math.Max(1, right - 1);
        Comparison = await plans.CompareAsync(id, plan.Id, left, right, ct);
        if (Comparison is null) return NotFound();
        (Left, Right) = (left, right);
        return Page();
    }
}
