using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Timeline;

public sealed class NoteModel(HouseholdQueries households, AddNoteHandler handler) : PageModel
{
    [BindProperty] public NoteInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(id, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}#tijdlijn", "De notitie staat op de tijdlijn.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct, "notitie schrijven") is not { } h) return false;
        (HouseholdId, HouseholdNaam) = (id, h.Naam);
        return true;
    }
}
