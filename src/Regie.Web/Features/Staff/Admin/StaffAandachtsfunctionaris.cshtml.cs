using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Staff.Admin;

/// <summary>The functional admin names a team member aandachtsfunctionaris of the Meldcode, or takes it away.</summary>
public sealed class StaffAandachtsfunctionarisModel(SetAandachtsfunctionarisHandler handler, StaffQueries queries) : PageModel
{
    [BindProperty] public StaffAandachtsfunctionarisInput Input { get; set; } = new();
    public StaffRow Member { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Choices { get; } =
        [new SelectListItem("Ja: aandachtsfunctionaris van het eigen team", "Ja"), new SelectListItem("Nee", "Nee")];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        Input = new StaffAandachtsfunctionarisInput { Aandachtsfunctionaris = Member.IsAandachtsfunctionaris ? "Ja" : "Nee" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var result = await handler.HandleAsync(id, Input, ct);
        var message = Input.Aandachtsfunctionaris?.Trim() == "Ja"
            ? $"{Member.Name} is aandachtsfunctionaris van {Member.Team}."
            : $"{Member.Name} is geen aandachtsfunctionaris.";
        return this.Finish(result, "/beheer/medewerkers", message) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } member) return NotFound();
        Member = member;
        return null;
    }
}
