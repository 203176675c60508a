using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Staff.Admin;

/// <summary>The functional admin resets a colleague's two-factor sign-in, for someone who lost the phone and the recovery codes.</summary>
public sealed class StaffTwoFactorModel(ResetTwoFactorHandler handler, StaffQueries queries) : PageModel
{
    [BindProperty] public StaffTwoFactorResetInput Input { get; set; } = new();
    public StaffRow Member { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var result = await handler.HandleAsync(id, Input, ct);
        return this.Finish(result, "/beheer/medewerkers",
            $"De tweestapsverificatie van {Member.Name} is hersteld. Bij de volgende keer inloggen stelt {Member.Name} een nieuwe app in.") ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } member) return NotFound();
        Member = member;
        return null;
    }
}
