using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using System.Text;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>
/// The worker reads a partner's monthly file in from the browser: the same import as <c>vroegsignalen import</c>, with the rejected
/// rows and their reasons on the page to send back to the partner.
/// </summary>
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(RegieDbContext db, SignalImport import, Infrastructure.CurrentUser user) : PageModel
{
    /// <summary>A month of a large partner's signals fits with room to spare (100,000 rows are about 10 MB).</summary>
    public const int MaxFileBytes = 30 * 1024 * 1024;

    [BindProperty] public Guid? Partner { get; set; }
    public IReadOnlyList<SelectListItem> Partners { get; private set; } = [];
    public SignalImportResult? Result { get; private set; }
    public string? PartnerName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? bestand, CancellationToken ct)
    {
        ModelState.Clear();
        var partner = Partner is { } id ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.SignaalpartnerSoort != null, ct) : null;
        if (partner is null) ModelState.AddModelError(nameof(Partner), "Kies de signaalpartner die het bestand stuurde.");
        if (bestand is null || bestand.Length == 0) ModelState.AddModelError("bestand", "Kies het CSV-bestand van de signaalpartner.");
        else if (bestand.Length > MaxFileBytes) ModelState.AddModelError("bestand", $"Het bestand is groter dan {MaxFileBytes / 1024 / 1024} MB; lees het in met de opdrachtregel (vroegsignalen import).");
        if (ModelState.IsValid)
        {
            using var reader = new StreamReader(bestand!.OpenReadStream(), Encoding.UTF8);
            Result = await import.ImportAsync(reader, partner!, null, ct,
                new SignalImport.Actor(user.ActorId, user.ActorName, user.Role, user.Organisation, user.OrganisationId));
            PartnerName = partner!.Name;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Partners = (await db.Organisations.AsNoTracking().Where(o => o.SignaalpartnerSoort != null).OrderBy(o => o.Name)
                .Select(o => new { o.Id, o.Name, o.SignaalpartnerSoort }).ToListAsync(ct))
            .Select(o => new SelectListItem($"{o.Name} ({DdasCodes.Label(o.SignaalpartnerSoort!.Value)})", o.Id.ToString()))
            .Prepend(new SelectListItem("Kies de signaalpartner", "")).ToList();
}
