using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>One vroegsignaalzaak: signals, household, who already helps, contact attempts, and closing with the DDAS outcome.</summary>
public sealed class ZaakModel(VroegsignaleringQueries queries, RecordContactAttemptHandler record, CloseCaseHandler close, TimeProvider clock) : PageModel
{
    [BindProperty] public ContactAttemptInput Poging { get; set; } = new();
    [BindProperty] public CloseCaseInput Afsluiting { get; set; } = new();
    public CaseView Case { get; private set; } = default!;

    public static IReadOnlyList<SelectListItem> Soorten { get; } =
        DdasCodes.Contactsoorten.Select(s => new SelectListItem(DdasCodes.Label(s), s.ToString())).Prepend(new SelectListItem("Kies hoe", "")).ToList();

    public static IReadOnlyList<SelectListItem> Dagdelen { get; } =
        DdasCodes.Dagdelen.Select(d => new SelectListItem(DdasCodes.Label(d), d.ToString())).Prepend(new SelectListItem("Kies het dagdeel", "")).ToList();

    public static IReadOnlyList<SelectListItem> Resultaten { get; } =
        DdasCodes.Eindresultaten.Select(r => new SelectListItem(DdasCodes.Label(r), r.ToString())).Prepend(new SelectListItem("Kies het resultaat", "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Poging.Datum = DutchDate.Format(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostPogingAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await record.HandleAsync(id, Poging, ct);
        if (result.IsOk)
        {
            TempData["Melding"] = "De contactpoging is vastgelegd.";
            return Redirect($"/vroegsignalering/zaken/{id}");
        }
        if (result.Status == CommandStatus.NotFound) return NotFound();
        result.Errors.AddTo(ModelState, "Poging");
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAfsluitenAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await close.HandleAsync(id, Afsluiting, ct);
        if (result.IsOk)
        {
            TempData["Melding"] = result.Value!.HulpvraagId is null
                ? "De zaak is afgesloten."
                : "De zaak is afgesloten met vervolghulp; er staat een hulpvraag voor het huishouden klaar voor triage.";
            return Redirect($"/vroegsignalering/zaken/{id}");
        }
        if (result.Status == CommandStatus.NotFound) return NotFound();
        result.Errors.AddTo(ModelState, "Afsluiting");
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.GetAsync(id, ct);
        if (!result.IsOk) return NotFound();
        Case = result.Value!;
        // After a conflict the forms keep what was typed, against the newest version.
        Poging.Versie = Case.Versie;
        Afsluiting.Versie = Case.Versie;
        return null;
    }
}
