using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Assessment;
using Regie.Domain.SocialMap;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

/// <summary>The referral form. The social map links here with ?dienst= (the service) and ?doel= (the goal).</summary>
[Authorize(Policy = Policies.Care)]
public sealed class NewModel(HouseholdQueries households, ReferralQueries referrals, SendReferralHandler send, PlanQueries plans) : PageModel
{
    [BindProperty] public ReferralInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public ReferralPrefill? Prefill { get; private set; }
    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Goals { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Providers { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Kinds { get; } =
        ServiceKinds.All.Select(k => new SelectListItem(ServiceKinds.Label(k), ServiceKinds.Code(k))).Prepend(new SelectListItem("Onbekend", "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] Guid? dienst, [FromQuery] Guid? doel, CancellationToken ct)
    {
        if (!await LoadAsync(id, dienst, doel, ct)) return NotFound();
        Input = new ReferralInput { DoelId = Prefill!.DoelId, PersoonId = Prefill.PersoonId, OrganisatieId = Prefill.OrganisatieId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await send.HandleAsync(id, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}/verwijzingen", "De verwijzing is verstuurd.") is { } done) return done;
        return await LoadAsync(id, Input.DienstId, Input.DoelId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid? service, Guid? goal, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        Prefill = await referrals.PrefillAsync(id, service, goal, ct);
        if (Prefill is null) return false;
        (HouseholdId, HouseholdNaam) = (id, h.Naam);
        var (members, _) = await plans.OwnerOptionsAsync(id, ct);
        Members = members.Select(m => new SelectListItem(m.Value, m.Key.ToString())).Prepend(new SelectListItem("Kies wie", "")).ToList();
        var plan = await plans.CurrentAsync(id, ct, audited: false);
        Goals = (plan?.IsActive == true ? plan.Doelen : [])
            .Select(g => new SelectListItem($"{Zrm.Label(g.Leefgebied)}: {g.Wat}", g.Id.ToString())).Prepend(new SelectListItem("Geen doel", "")).ToList();
        Providers = (await referrals.ProvidersAsync(ct)).Select(p => new SelectListItem(p.Name, p.Id.ToString()))
            .Prepend(new SelectListItem("Kies een aanbieder", "")).ToList();
        return true;
    }
}
