using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.SocialMap;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.SocialMap.Admin;

/// <summary>Marking one service: kind, life domains, and the partner organisation that provides it.</summary>
public sealed class SocialMapServiceModel(MarkServiceHandler mark, SocialMapAdminQueries queries) : PageModel
{
    [BindProperty] public MarkInput Input { get; set; } = new();
    public ServiceMarking Service { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Kinds { get; } =
        [new("Kies…", ""), .. ServiceKinds.All.Select(k => new SelectListItem($"{ServiceKinds.Label(k)} ({ServiceKinds.Explanation(k)})", ServiceKinds.Code(k)))];
    public IReadOnlyList<SelectListItem> Partners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new MarkInput
        {
            Soort = Service.Soort is { } k ? ServiceKinds.Code(k) : null, Leefgebieden = Service.Leefgebieden.Select(d => d.ToString()).ToList(),
            Aanbieder = Service.Aanbieder?.ToString(), Versie = Service.Versie,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await mark.HandleAsync(id, Input, ct);
        if (result.Status == CommandStatus.Conflict && await LoadAsync(id, ct)) Input.Versie = Service.Versie;
        if (this.Finish(result, "/beheer/sociale-kaart", "De dienst is gemarkeerd.") is { } done) return done;
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.ServiceAsync(id, ct) is not { } service) return false;
        Service = service;
        Partners = [new("Geen (niet in Regie)", ""), .. (await queries.PartnersAsync(ct)).Select(p => new SelectListItem(p.Name, p.Id.ToString()))];
        return true;
    }
}
