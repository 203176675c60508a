using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Persons;

public sealed class DetailsModel(PersonQueries queries, TimeProvider clock) : PageModel
{
    public PersonView Person { get; private set; } = default!;
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } p) return NotFound();
        Person = p;
        return Page();
    }
}
