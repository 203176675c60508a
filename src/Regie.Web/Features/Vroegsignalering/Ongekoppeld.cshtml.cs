using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>The signals the registry could not match, with the people they could be about; the worker matches by hand.</summary>
public sealed class OngekoppeldModel(VroegsignaleringQueries queries, MatchSignalHandler match) : PageModel
{
    [BindProperty] public MatchSignalInput Koppeling { get; set; } = new();
    public UnmatchedView List { get; private set; } = default!;
    /// <summary>The signal whose form showed an error, so the message stands next to it.</summary>
    public Guid? FailedSignal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => List = await queries.UnmatchedAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid signaal, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await match.HandleAsync(signaal, Koppeling, ct);
        if (result.IsOk)
        {
            TempData["Melding"] = "Het signaal is gekoppeld en staat in de vroegsignaalzaak van het huishouden.";
            return Redirect($"/vroegsignalering/zaken/{result.Value!.ZaakId}");
        }
        if (result.Status == CommandStatus.NotFound) return NotFound();
        result.Errors.AddTo(ModelState, "Koppeling");
        FailedSignal = signaal;
        List = await queries.UnmatchedAsync(ct);
        return Page();
    }
}
