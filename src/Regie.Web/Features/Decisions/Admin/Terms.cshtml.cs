using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Decisions.Admin;

public sealed class TermsModel(SetLegalTermsHandler setTerms, DecisionQueries queries) : PageModel
{
    [BindProperty] public TermsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var t = await queries.TermsAsync(ct);
        Input = new TermsInput
        {
            WmoInvestigationWeeks = t.WmoInvestigationWeeks, WmoDecisionWeeks = t.WmoDecisionWeeks, JeugdwetWeeks = t.JeugdwetWeeks,
            ParticipatiewetWeeks = t.ParticipatiewetWeeks, WgsWeeks = t.WgsWeeks, MaxExtensionWeeks = t.MaxExtensionWeeks, DueSoonDays = t.DueSoonDays,
            Versie = await queries.TermsVersionAsync(ct),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await setTerms.HandleAsync(Input, ct);
        if (this.Finish(result, "/beheer/termijnen", "De termijnen zijn opgeslagen.") is { } done) return done;
        if (result.Status == CommandStatus.Conflict) Input.Versie = await queries.TermsVersionAsync(ct);
        return Page();
    }
}
