using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Persons;

public sealed class LeaveModel(PersonQueries persons, EndMembershipHandler handler) : PageModel
{
    [BindProperty] public EndMembershipInput Input { get; set; } = new();
    public PersonView Person { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await persons.GetAsync(id, ct) is not { Huidig: not null } p) return NotFound();
        Person = p;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await persons.GetAsync(id, ct) is not { Huidig: { } current } p) return NotFound();
        Person = p;
        ModelState.Clear();
        var result = await handler.HandleAsync(current.HouseholdId, id, Input, ct);
        if (result.IsOk)
        {
            TempData["Melding"] = $"{p.Naam.FullName} is uitgeschreven.";
            return Redirect($"/huishoudens/{current.HouseholdId}");
        }
        result.Errors.AddTo(ModelState);
        return Page();
    }
}
