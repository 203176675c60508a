using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Households;

public sealed class EditAddressModel(HouseholdQueries queries, ChangeAddressHandler handler) : PageModel
{
    [BindProperty] public ChangeAddressInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } h) return NotFound();
        HouseholdId = id;
        Input = new ChangeAddressInput { Adres = AddressInput.From(h.Adres), Versie = h.Versie };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        HouseholdId = id;
        ModelState.Clear();
        var result = await handler.HandleAsync(id, Input, ct);
        if (result.Status == CommandStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Melding"] = "Het adres is gewijzigd.";
            return Redirect($"/huishoudens/{id}");
        }
        result.Errors.AddTo(ModelState);
        // After a conflict the next save applies to the version now stored, once the worker has seen the warning.
        if (result.Status == CommandStatus.Conflict && await queries.GetAsync(id, ct) is { } current)
            Input.Versie = current.Versie;
        return Page();
    }
}
