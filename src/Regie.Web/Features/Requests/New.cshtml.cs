using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Requests;

public sealed class NewModel(HouseholdQueries households, RegisterRequestHandler register) : PageModel
{
    [BindProperty] public RequestInput Input { get; set; } = new();
    public HouseholdView Household { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Sources { get; } =
        RequestSources.All.Select(s => new SelectListItem(RequestSources.Label(s), s.ToString())).Prepend(new SelectListItem("Kies de bron", "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return NotFound();
        Household = h;
        Input.Personen = h.Leden.Select(m => m.PersonId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        Input.HuishoudenId = id;
        var result = await register.HandleAsync(Input, ct);
        if (this.Finish(result, $"/hulpvragen/{result.Value}", "De hulpvraag is geregistreerd. Doe nu de intake.") is { } done) return done;
        if (await households.GetAsync(id, ct) is not { } h) return NotFound();
        Household = h;
        return Page();
    }
}
