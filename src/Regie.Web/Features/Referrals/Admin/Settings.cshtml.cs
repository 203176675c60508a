using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals.Admin;

/// <summary>The municipality's rules for light support without a decision, and the referrals' follow-up term.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SettingsModel(LightSupportQueries support, SaveLightSupportSettingsHandler save) : PageModel
{
    [BindProperty] public LightSupportSettingsInput Input { get; set; } = new();
    public LightSupportSettingsView Current { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await support.SettingsAsync(ct);
        Input = new LightSupportSettingsInput
        {
            Toegestaan = Current.Toegestaan, MaxWeken = Current.MaxWeken, Soorten = Current.Soorten.Select(k => k.ToString()).ToList(),
            Opvolgdagen = Current.Opvolgdagen, Versie = Current.Versie,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await save.HandleAsync(Input, ct);
        if (this.Finish(result, "/beheer/lichte-ondersteuning", "De instellingen zijn opgeslagen.") is { } done) return done;
        Current = await support.SettingsAsync(ct);
        return Page();
    }
}
