using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Persons;

public sealed class ContactModel(PersonQueries queries, UpdateContactHandler handler) : PageModel
{
    [BindProperty] public UpdateContactInput Input { get; set; } = new();
    public Guid PersonId { get; private set; }
    public string Naam { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } p) return NotFound();
        Load(p);
        Input = new UpdateContactInput { Telefoon = p.Telefoon, Email = p.Email, Versie = p.Versie };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } p) return NotFound();
        Load(p);
        ModelState.Clear();
        var result = await handler.HandleAsync(id, Input, ct);
        if (result.IsOk)
        {
            TempData["Melding"] = "De contactgegevens zijn opgeslagen.";
            return Redirect($"/personen/{id}");
        }
        result.Errors.AddTo(ModelState);
        if (result.Status == CommandStatus.Conflict) Input.Versie = p.Versie;
        return Page();
    }

    private void Load(PersonView p)
    {
        PersonId = p.Id;
        Naam = p.Naam.FullName;
    }
}
