using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Decisions;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Decisions.Admin;

public sealed class TermsModel(ApplicationHandler handler) : PageModel
{
    [BindProperty] public TermsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var t = await handler.TermsAsync(ct);
        Input = new TermsInput
        {
            WmoInvestigationWeeks = t.WmoInvestigationWeeks, WmoDecisionWeeks = t.WmoDecisionWeeks, JeugdwetWeeks = t.JeugdwetWeeks,
            ParticipatiewetWeeks = t.ParticipatiewetWeeks, WgsWeeks = t.WgsWeeks, MaxExtensionWeeks = t.MaxExtensionWeeks, DueSoonDays = t.DueSoonDays,
            Versie = await handler.TermsVersionAsync(ct),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.SaveTermsAsync(Input, ct);
        if (this.Finish(result, "/beheer/termijnen", "De termijnen zijn opgeslagen.") is { } done) return done;
        if (result.Status == CommandStatus.Conflict) Input.Versie = await handler.TermsVersionAsync(ct);
        return Page();
    }
}
