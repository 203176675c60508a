using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Persons;

public sealed class CorrectModel(PersonQueries queries, CorrectPersonHandler handler) : PageModel
{
    [BindProperty] public CorrectPersonInput Input { get; set; } = new();
    public Guid PersonId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } p) return NotFound();
        PersonId = id;
        Input = new CorrectPersonInput
        {
            Voornamen = p.Naam.Voornamen, Voorvoegsel = p.Naam.Voorvoegsel, Achternaam = p.Naam.Achternaam,
            Geboortedatum = DutchDate.Format(p.Geboortedatum), Bsn = p.Bsn, Versie = p.Versie,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        PersonId = id;
        ModelState.Clear();
        return this.Finish(await handler.HandleAsync(id, Input, ct), $"/personen/{id}", "De correctie is opgeslagen.") ?? Page();
    }
}
