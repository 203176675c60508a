using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Web.Features.Persons;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Decisions;

public sealed class NewModel(RegisterApplicationHandler register, DecisionQueries queries, PersonQueries persons) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();
    public (Guid Id, string Naam, DateOnly Geboortedatum)? Persoon { get; private set; }
    public DecisionTerms Terms { get; private set; } = DecisionTerms.Default;
    public IReadOnlyList<SelectListItem> Frameworks { get; } =
        LegalFrameworks.All.Select(f => new SelectListItem(LegalFrameworks.Label(f), f.ToString())).Prepend(new SelectListItem("Kies het kader", "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid? persoon, Guid? doel, string? kader, CancellationToken ct)
    {
        Input.PersoonId = persoon;
        Input.DoelId = doel;
        Input.Kader = kader;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await register.HandleAsync(Input, ct);
        if (this.Finish(result, $"/aanvragen/{result.Value}", "De melding of aanvraag is geregistreerd.") is { } done) return done;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Terms = await queries.TermsAsync(ct);
        if (Input.PersoonId is { } id)
        {
            if (await persons.GetAsync(id, ct) is not { } p) return false;
            Persoon = (p.Id, p.Naam.FullName, p.Geboortedatum);
        }
        return true;
    }
}
