using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Decisions;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Decisions;

public sealed class DecideModel(DecideApplicationHandler decide, DecisionQueries queries) : PageModel
{
    /// <summary>Rows offered on the form; empty rows are ignored, so one form serves a single product and a combination.</summary>
    public const int ProductRows = 3;

    [BindProperty] public DecisionInput Input { get; set; } = new();
    public ApplicationView Application { get; private set; } = default!;
    public string? CodeListId { get; private set; }
    public IReadOnlyList<SelectListItem>? Categories { get; private set; }
    public IReadOnlyList<SelectListItem> Providers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Outcomes { get; } =
        DecisionOutcomes.All.Select(o => new SelectListItem(DecisionOutcomes.Label(o), o.ToString())).Prepend(new SelectListItem("Kies de uitkomst", "")).ToList();
    public IReadOnlyList<SelectListItem> Units { get; } = Options(CodeLists.Wj756, "Kies de eenheid");
    public IReadOnlyList<SelectListItem> Frequencies { get; } = Options(CodeLists.Wmo757, "Kies de frequentie");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Application.Status != ApplicationStatus.InBehandeling) return Redirect($"/aanvragen/{id}");
        Input.Versie = Application.Versie;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await decide.HandleAsync(id, Input, ct);
        if (this.Finish(result, $"/aanvragen/{id}", "De beschikking is vastgelegd. De brief staat klaar als PDF.") is { } done) return done;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (result.Status == CommandStatus.Conflict) Input.Versie = Application.Versie;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } a) return false;
        Application = a;
        if (CodeLists.ProductCategories(a.Kader) is { } list)
        {
            CodeListId = list.Id;
            Categories = Options(list, "Kies de productcategorie");
        }
        Providers = (await queries.ProvidersAsync(ct)).Select(p => new SelectListItem(p.Name, p.Id.ToString()))
            .Prepend(new SelectListItem("Nog niet gekozen (de inwoner kiest)", "")).ToList();
        while (Input.Producten.Count < ProductRows) Input.Producten.Add(new ProductInput());
        return true;
    }

    private static List<SelectListItem> Options(CodeList list, string prompt) =>
        list.Entries.Select(e => new SelectListItem($"{e.Code} {e.Name}", e.Code)).Prepend(new SelectListItem(prompt, "")).ToList();
}
