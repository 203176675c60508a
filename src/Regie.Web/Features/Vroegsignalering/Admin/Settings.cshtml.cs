using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Vroegsignalering.Admin;

/// <summary>The municipality's vroegsignalering settings: contact term, retention, who handles the signals, who delivers the DDAS report.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SettingsModel(VroegsignaleringSettingsReader reader, SaveVroegsignaleringSettingsHandler save, RegieDbContext db, CurrentUser user) : PageModel
{
    [BindProperty] public VroegsignaleringSettingsInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Organisaties { get; private set; } = [];
    /// <summary>What the DDAS report still misses, as saved now.</summary>
    public string? DdasOntbreekt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await reader.GetAsync(user.Gemeentecode ?? "", ct);
        Input = VroegsignaleringSettingsInput.From(current);
        await LoadAsync(current, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await save.HandleAsync(Input, ct);
        if (this.Finish(result, "/beheer/vroegsignalering", "De instellingen voor vroegsignalering zijn opgeslagen.") is { } done) return done;
        await LoadAsync(await reader.GetAsync(user.Gemeentecode ?? "", ct), ct);
        return Page();
    }

    private async Task LoadAsync(VroegsignaleringSettings current, CancellationToken ct)
    {
        Organisaties = (await db.Organisations.AsNoTracking().Where(o => o.SignaalpartnerSoort == null).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).Prepend(new SelectListItem("(geen)", "")).ToList();
        DdasOntbreekt = DdasDelivery.CheckDeliverer(new DdasDeliverer(current.CodeGegevensleverancier, current.LeverancierNaam, current.KvkNummer, current.ContactNaam,
            current.ContactTelefoon, current.ContactEmail, current.ContactFunctie))?.Message;
    }
}
