using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Budget;

/// <summary>The tariff table the workers compare options with; the municipality keeps it current, with a source for every figure.</summary>
[Authorize(Roles = BudgetRoles.Settings)]
public sealed class TariffsPageModel(BudgetSettings settings, SetTariffHandler setTariff) : PageModel
{
    [BindProperty] public TariffInput Input { get; set; } = new();
    public IReadOnlyList<TariffView> Current { get; private set; } = [];
    public IReadOnlyList<TariffView> History { get; private set; } = [];

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Current.FirstOrDefault(t => t.Code == code) is { } t)
            Input = new TariffInput { Code = t.Code, Naam = t.Naam, Eenheid = t.Eenheid, Bedrag = t.Bedrag.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), Bron = t.Bron };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await setTariff.HandleAsync(Input, ct);
        if (this.Finish(result, "/beheer/tarieven", "Het tarief is opgeslagen; eerdere vergelijkingen houden hun tarief.") is { } done) return done;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await settings.CurrentTariffsAsync(ct);
        History = await settings.TariffHistoryAsync(ct);
    }
}
