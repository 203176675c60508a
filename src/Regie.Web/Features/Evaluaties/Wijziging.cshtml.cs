using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Evaluaties;

/// <summary>The policy officer corrects a recorded change of working practice, or withdraws it with a reason.</summary>
[Authorize(Roles = Roles.Beleid)]
public sealed class WijzigingModel(RegieDbContext db, EvaluationData data, ChangeWerkwijzewijzigingHandler handler) : PageModel
{
    [BindProperty] public WerkwijzewijzigingCorrectionInput Input { get; set; } = new();
    [BindProperty] public WerkwijzewijzigingWithdrawalInput Intrekken { get; set; } = new();
    public Werkwijzewijziging Change { get; private set; } = default!;
    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.CorrectAsync(id, Input, ct);
        if (this.Finish(result, "/monitor/evaluatie/wijzigingen", "De wijziging van werkwijze is gecorrigeerd.") is { } done) return done;
        if (!await LoadAsync(id, ct)) return NotFound();
        // After a conflict the form shows what is stored now, under its new version, to be corrected again.
        if (result.Status == CommandStatus.Conflict) Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.WithdrawAsync(id, Intrekken, ct);
        switch (result.Status)
        {
            case CommandStatus.Ok:
                TempData["Melding"] = "De wijziging van werkwijze is ingetrokken; zij staat niet meer bij de wijzigingen om te evalueren.";
                return Redirect("/monitor/evaluatie/wijzigingen");
            case CommandStatus.NotFound: return NotFound();
            case CommandStatus.Forbidden: return Forbid();
        }
        result.Errors.AddTo(ModelState, nameof(Intrekken));
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Werkwijzewijzigingen.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } change) return false;
        Change = change;
        Teams = (await data.TeamNamesAsync(ct)).OrderBy(t => t.Value).Select(t => (t.Key, t.Value)).ToList();
        return true;
    }

    /// <summary>The forms as the change is stored now.</summary>
    private void Fill()
    {
        Input = new WerkwijzewijzigingCorrectionInput
        {
            Datum = DutchDate.Format(Change.Date), Titel = Change.Title, Omschrijving = Change.Description,
            Teams = Change.Teams.Select(t => t.ToString()).ToList(), Versie = Change.Version,
        };
        Intrekken.Versie = Change.Version;
    }
}
