using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Domain.IStandaarden;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Providers.Admin;

/// <summary>One provider: its AGB code, its contract lines, adding and removing them. Three forms, each working without JavaScript.</summary>
public sealed class ProviderModel(ProviderQueries queries, SetAgbCodeHandler setAgb, AddContractHandler addContract, RemoveContractHandler removeContract) : PageModel
{
    [BindProperty] public AgbCodeInput Agb { get; set; } = new();
    [BindProperty] public ContractInput Contract { get; set; } = new();
    public ProviderView Provider { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Frameworks { get; } =
        [new("Kies…", ""), .. ContractRules.Frameworks.Select(f => new SelectListItem(LegalFrameworks.Label(f), f.ToString()))];

    /// <summary>Both frameworks' categories in one list: the codes do not overlap (WMO020 01–18, JZ020 31–55).</summary>
    public IReadOnlyList<SelectListItem> Categories { get; } =
        [new("Kies…", ""), .. ContractRules.Frameworks.SelectMany(f => CodeLists.ProductCategories(f)!.Entries.Select(e => new SelectListItem($"{e.Code} {e.Name} ({LegalFrameworks.Label(f)})", e.Code)))];

    public string FrameworkLabel(string kader) => LegalFrameworks.Parse(kader) is { } f ? LegalFrameworks.Label(f) : kader;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Agb.AgbCode = Provider.AgbCode;
        return Page();
    }

    public async Task<IActionResult> OnPostAgbAsync(Guid id, CancellationToken ct)
    {
        var result = await setAgb.HandleAsync(id, Agb, ct);
        var message = result.Value?.AgbCode is { } code ? $"De AGB-code is nu {code}." : "De aanbieder heeft geen AGB-code meer.";
        return await FinishAsync(id, result, nameof(Agb), message, ct);
    }

    public async Task<IActionResult> OnPostContractAsync(Guid id, CancellationToken ct) =>
        await FinishAsync(id, await addContract.HandleAsync(id, Contract, ct), nameof(Contract), "De contractregel is toegevoegd.", ct);

    public async Task<IActionResult> OnPostVerwijderAsync(Guid id, Guid contractId, CancellationToken ct) =>
        await FinishAsync(id, await removeContract.HandleAsync(id, contractId, ct), nameof(Contract), "De contractregel is verwijderd.", ct);

    /// <summary>Success back to the page with a message; errors next to the fields of the form that was sent.</summary>
    private async Task<IActionResult> FinishAsync<T>(Guid id, CommandResult<T> result, string form, string message, CancellationToken ct)
    {
        switch (result.Status)
        {
            case CommandStatus.NotFound: return NotFound();
            case CommandStatus.Forbidden: return Forbid();
            case CommandStatus.Ok:
                TempData["Melding"] = message;
                return Redirect($"/beheer/aanbieders/{id}");
        }
        ModelState.Clear();
        result.Errors.AddTo(ModelState, form);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (form != nameof(Agb)) Agb.AgbCode = Provider.AgbCode;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } provider) return false;
        Provider = provider;
        return true;
    }
}
