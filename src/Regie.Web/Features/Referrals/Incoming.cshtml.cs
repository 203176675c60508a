using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

/// <summary>The provider's incoming referrals: its own organisation's only.</summary>
[Authorize(Roles = Roles.Partner)]
public sealed class IncomingModel(IncomingReferralQueries referrals) : PageModel
{
    [FromQuery(Name = "status")] public string? Status { get; set; }
    public string Organisation { get; private set; } = "";
    public IReadOnlyList<ProviderReferralView> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await referrals.OrganisationAsync(ct) is not { } own) return Forbid();
        Organisation = own.Name;
        var result = await referrals.IncomingAsync(string.IsNullOrEmpty(Status) ? null : Status, ct);
        Referrals = result.Value ?? [];
        return Page();
    }
}
