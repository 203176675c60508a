using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Assessment;
using Regie.Domain.Referrals;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

[Authorize(Policy = Policies.Care)]
public sealed class LightSupportStartModel(HouseholdQueries households, PlanQueries plans, LightSupportQueries support, StartLightSupportHandler start, ReferralQueries referrals) : PageModel
{
    [BindProperty] public LightSupportInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public LightSupportSettingsView Settings { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Goals { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Kinds { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Colleagues { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] Guid? doel, [FromQuery] Guid? dienst, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new LightSupportInput { DoelId = doel, DienstId = dienst };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await start.HandleAsync(id, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}/plan", "De lichte ondersteuning is gestart.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        if (await plans.CurrentAsync(id, ct, audited: false) is not { IsActive: true } plan) return false;
        (HouseholdId, HouseholdNaam) = (id, h.Naam);
        Settings = await support.SettingsAsync(ct);
        Goals = plan.Doelen.Select(g => new SelectListItem($"{Zrm.Label(g.Leefgebied)}: {g.Wat}", g.Id.ToString())).Prepend(new SelectListItem("Kies een doel", "")).ToList();
        Kinds = Settings.Soorten.Select(k => new SelectListItem(LightSupportRules.Label(k), k.ToString())).Prepend(new SelectListItem("Geen soort", "")).ToList();
        var (members, colleagues) = await plans.OwnerOptionsAsync(id, ct);
        Members = members.Select(m => new SelectListItem(m.Value, m.Key.ToString())).Prepend(new SelectListItem("Het hele huishouden", "")).ToList();
        Colleagues = colleagues.Select(c => new SelectListItem(c.Name, c.Id)).Prepend(new SelectListItem("Geen medewerker", "")).ToList();
        Organisations = (await referrals.ProvidersAsync(ct)).Select(o => new SelectListItem(o.Name, o.Id.ToString())).Prepend(new SelectListItem("Geen organisatie", "")).ToList();
        return true;
    }
}
