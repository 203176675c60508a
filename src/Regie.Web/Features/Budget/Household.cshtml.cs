using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Budget;

/// <summary>The household's spends, and a new one: a goal, what for, how much and why, the laws it serves, and the comparison with the alternative.</summary>
[Authorize(Roles = BudgetRoles.Spenders)]
public sealed class HouseholdModel(HouseholdQueries households, SpendQueries spends, RecordSpendHandler record, SpendComparisons comparisons, BudgetSettings settings) : PageModel
{
    [BindProperty] public SpendInput Input { get; set; } = new();
    [FromQuery(Name = "doel")] public Guid? Doel { get; set; }
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<SpendView> Spends { get; private set; } = [];
    public IReadOnlyList<(Guid Id, ZrmDomain Domain, string Wat, string? Persoon, IReadOnlyList<LegalFramework> Voorstel)> Goals { get; private set; } = [];
    public IReadOnlyList<TariffView> Tariffs { get; private set; } = [];
    public IReadOnlyList<LegalFramework> Suggested { get; private set; } = [];
    public ComparisonView? Comparison { get; private set; }
    public decimal Mandate { get; private set; }
    /// <summary>Why this user records no spend for this household (not the holding team, or no team holds it); null when they may.</summary>
    public string? Refusal { get; private set; }

    public IReadOnlyList<SelectListItem> GoalOptions => Goals.Select(g => new SelectListItem($"{Zrm.Label(g.Domain)}: {g.Wat}{(g.Persoon is null ? "" : $" ({g.Persoon})")}", g.Id.ToString(), g.Id == Input.DoelId))
        .Prepend(new SelectListItem("Kies een doel", "")).ToList();
    public IReadOnlyList<SelectListItem> Kinds => Interventions.All.Select(k => new SelectListItem(Interventions.Label(k), k.ToString())).Prepend(new SelectListItem("Kies waarvoor", "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Doel is { } d && Goals.Any(g => g.Id == d))
        {
            Input.DoelId = d;
            Input.Kaders = Suggested.Select(f => f.ToString()).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await record.HandleAsync(id, Input, ct);
        if (this.Finish(result, $"/uitgaven/{result.Value}", "De uitgave is vastgelegd.") is { } done) return done;
        if (!await LoadAsync(id, ct)) return NotFound();
        await CompareAsync(ct);
        return Page();
    }

    /// <summary>Shows the comparison without saving anything, so the worker can weigh the options first.</summary>
    public async Task<IActionResult> OnPostCompareAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        await CompareAsync(ct);
        return Page();
    }

    private async Task CompareAsync(CancellationToken ct)
    {
        var errors = new ErrorList();
        var comparison = await comparisons.BuildAsync(Input, errors, ct);
        errors.Errors.Where(e => e.Field.StartsWith("Aantallen", StringComparison.Ordinal) && !ModelState.ContainsKey("Input." + e.Field)).AddTo(ModelState);
        var amount = Mandates.ParseAmount(Input.Bedrag, "Bedrag", "het bedrag");
        if (comparison is not null) Comparison = SpendComparisons.ToView(comparison, amount.IsValid ? amount.Value : 0m);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        Spends = await spends.ForHouseholdAsync(id, ct);
        Refusal = (await record.RefuseAsync(id, ct))?.Errors[0].Message;
        Goals = await spends.GoalsAsync(id, ct);
        Tariffs = await settings.CurrentTariffsAsync(ct);
        Suggested = Goals.FirstOrDefault(g => g.Id == (Input.DoelId ?? Doel)).Voorstel ?? [];
        Mandate = await settings.MandateOfAsync(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "", Infrastructure.Roles.All.FirstOrDefault(User.IsInRole), ct);
        return true;
    }
}
