using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Assessment;
using Regie.Domain.SocialMap;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.SocialMap;

/// <summary>The social map for workers: find a service for a household's goal and refer to it.</summary>
public sealed class IndexModel(SocialMapSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Zoek { get; set; }
    [BindProperty(SupportsGet = true)] public string? Leefgebied { get; set; }
    [BindProperty(SupportsGet = true)] public string? Soort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Leeftijd { get; set; }
    [BindProperty(SupportsGet = true)] public string? Postcode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Afstand { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Huishouden { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Doel { get; set; }
    [BindProperty(SupportsGet = true)] public int Pagina { get; set; } = 1;

    public HouseholdContext? Context { get; private set; }
    public SearchResult? Result { get; private set; }

    public IReadOnlyList<SelectListItem> Domains { get; } =
        [new("Alle leefgebieden", ""), .. Zrm.Domains.Select(d => new SelectListItem(Zrm.Label(d), d.ToString()))];
    public IReadOnlyList<SelectListItem> Kinds { get; } =
        [new("Alle soorten", ""), .. ServiceKinds.All.Select(k => new SelectListItem($"{ServiceKinds.Label(k)} ({ServiceKinds.Explanation(k)})", ServiceKinds.Code(k)))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Huishouden is { } household)
        {
            var context = await search.ContextAsync(household, Doel, ct);
            if (context.Status == CommandStatus.Forbidden) return Forbid();
            if (context.Status == CommandStatus.NotFound) return NotFound();
            Context = context.Value;
            // Opened from a goal: its life domain and the household's postcode are the starting point; the worker can change both.
            if (!Request.Query.ContainsKey(nameof(Postcode))) Postcode = Context!.Postcode.Display;
            if (!Request.Query.ContainsKey(nameof(Leefgebied)) && Context!.GoalDomain is { } d) Leefgebied = d.ToString();
        }
        var criteria = SocialMapSearch.Parse(new SearchInput
        {
            Zoek = Zoek, Leefgebied = Leefgebied, Soort = Soort, Leeftijd = Leeftijd, Postcode = Postcode, Afstand = Afstand, Pagina = Pagina,
        });
        if (!criteria.IsOk)
        {
            foreach (var e in criteria.Errors) ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        Result = await search.SearchAsync(criteria.Value!, ct);
        return Page();
    }

    /// <summary>The referral page of the referrals slice, for this household and (when opened from one) this goal.</summary>
    public string ReferLink(Guid serviceId) =>
        $"/huishoudens/{Context!.HouseholdId}/verwijzingen/nieuw?dienst={serviceId}" + (Context.GoalId is { } g ? $"&doel={g}" : "");

    public string PageLink(int page)
    {
        var query = Request.Query.Where(q => !string.Equals(q.Key, nameof(Pagina), StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"pagina={page}");
        return "/sociale-kaart?" + string.Join("&", query);
    }
}
