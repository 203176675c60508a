using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

[Authorize(Policy = Policies.Care)]
public sealed class LightSupportEndModel(EndLightSupportHandler end, LightSupportQueries support) : PageModel
{
    [BindProperty] public LightSupportEndInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public LightSupportView Support { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid supportId, CancellationToken ct) => await LoadAsync(id, supportId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid supportId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await end.HandleAsync(id, supportId, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}/plan", "De lichte ondersteuning is beëindigd.") is { } done) return done;
        return await LoadAsync(id, supportId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid supportId, CancellationToken ct)
    {
        if ((await support.ForHouseholdAsync(id, ct)).FirstOrDefault(s => s.Id == supportId) is not { } s) return false;
        (HouseholdId, Support) = (id, s);
        return true;
    }
}
