using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Meldcode;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Privacy;

/// <summary>
/// The privacy officer's list of what coordinators withheld from residents' inzage (UAVG art. 41): active and lifted, with
/// the reason, who and when, never the content of the track. The municipality must be able to justify each one.
/// </summary>
[Authorize(Roles = Roles.Privacy)]
public sealed class MeldcodeBeperkingenModel(MeldcodeWithholdingQueries queries) : PageModel
{
    public IReadOnlyList<PrivacyWithholdingView> Withholdings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.ForPrivacyOfficerAsync(ct) is not { } list) return Forbid();
        Withholdings = list;
        return Page();
    }
}
