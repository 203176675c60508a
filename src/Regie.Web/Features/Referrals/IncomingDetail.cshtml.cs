using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

/// <summary>One incoming referral for the provider: the person and how to reach them, the question, the referrer; and its answers.</summary>
[Authorize(Roles = Roles.Partner)]
public sealed class IncomingDetailModel(IncomingReferralQueries referrals, StepReferralHandler step) : PageModel
{
    [BindProperty] public ReferralStepInput Input { get; set; } = new();
    public ProviderReferralView Referral { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid referralId, CancellationToken ct) => await LoadAsync(referralId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid referralId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await step.HandleAsync(referralId, Input, ct);
        var message = Domain.Referrals.ReferralStatuses.Parse(Input.Status) is { } s
            ? $"De verwijzing staat op {Domain.Referrals.ReferralRules.Label(s).ToLowerInvariant()}. Het team is op de hoogte." : "";
        if (this.Finish(result, $"/verwijzingen/{referralId}", message) is { } done) return done;
        return await LoadAsync(referralId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await referrals.ForProviderAsync(id, ct) is not { } r) return false;
        Referral = r;
        return true;
    }
}
