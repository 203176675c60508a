using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Consent;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Consent;

/// <summary>The coordinator's page of the household's consents: the history, a form to record a new one, and revoking.</summary>
public sealed class IndexModel(HouseholdQueries households, ConsentQueries consents, GiveConsentHandler give, RevokeConsentHandler revoke) : PageModel
{
    [BindProperty] public ConsentInput Input { get; set; } = new();
    [BindProperty] public RevokeConsentInput Intrekken { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<ConsentView> Consents { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Scopes { get; } = ConsentScopes.All.Select(s => (ConsentScopes.Value(s), ConsentScopes.Label(s))).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await give.HandleAsync(id, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}/toestemmingen", "De toestemming is vastgelegd.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(Guid id, Guid consentId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await revoke.HandleAsync(id, consentId, Intrekken, ct);
        if (this.Finish(result, $"/huishoudens/{id}/toestemmingen", "De toestemming is ingetrokken.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct, "toestemmingen") is not { } h || await consents.ForHouseholdAsync(id, ct) is not { } list) return false;
        (HouseholdId, HouseholdNaam, Consents) = (id, h.Naam, list);
        Organisations = (await consents.OrganisationsAsync(ct)).Select(o => new SelectListItem(o.Naam, o.Id.ToString()))
            .Prepend(new SelectListItem("Kies een organisatie", "")).ToList();
        Members = h.Leden.Select(m => new SelectListItem(m.Naam, m.PersonId.ToString())).Prepend(new SelectListItem("Kies wie", "")).ToList();
        return true;
    }
}
