using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.ContactNotes;

/// <summary>One contact note: the current version, the form for a new version, and the whole history with what each version changed.</summary>
public sealed class DetailsModel(ContactNoteQueries queries, ReviseContactNoteHandler revise, WithdrawContactNoteHandler withdraw, Access.FileAccessService access)
    : PageModel
{
    [BindProperty] public ContactNoteInput Input { get; set; } = new();
    [BindProperty] public WithdrawContactNoteInput Intrekking { get; set; } = new();
    public ContactNoteDetailView Note { get; private set; } = default!;
    public IReadOnlyDictionary<Guid, string> Members { get; private set; } = new Dictionary<Guid, string>();
    public bool MayChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid noteId, CancellationToken ct)
    {
        if (await LoadAsync(id, noteId, ct) is { } refused) return refused;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid noteId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await revise.HandleAsync(id, noteId, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}/contacten/{noteId}", "De contactnotitie is opgeslagen.") is { } done) return done;
        if (await LoadAsync(id, noteId, ct) is { } refused) return refused;
        // After a conflict the form keeps what was typed, against the newest version.
        if (result.Status == CommandStatus.Conflict) Input.Versie = Note.Huidig.Versie;
        Intrekking.Versie = Note.Huidig.Versie;
        return Page();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync(Guid id, Guid noteId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await withdraw.HandleAsync(id, noteId, Intrekking, ct);
        if (result.Status == CommandStatus.Ok)
        {
            TempData["Melding"] = "De contactnotitie is ingetrokken; zij blijft in de geschiedenis van het dossier.";
            return Redirect($"/huishoudens/{id}/contacten/{noteId}");
        }
        if (result.Status is CommandStatus.NotFound) return NotFound();
        if (result.Status is CommandStatus.Forbidden && result.Errors is [{ Code: ErrorCodes.Forbidden }, ..]) return Forbid();
        result.Errors.AddTo(ModelState, "Intrekking");
        if (await LoadAsync(id, noteId, ct) is { } refused) return refused;
        Fill();
        return Page();
    }

    private void Fill()
    {
        var c = Note.Huidig;
        Input = new ContactNoteInput
        {
            Datum = DutchDate.Format(c.Datum), Soort = c.Soort.ToString(), MetWie = c.MetWie.Select(p => p.Id).ToList(), Anderen = c.Anderen, Tekst = c.Tekst,
            Versie = c.Versie,
        };
        Intrekking.Versie = c.Versie;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid noteId, CancellationToken ct)
    {
        var result = await queries.GetAsync(id, noteId, ct);
        if (result.Status == CommandStatus.Forbidden) return Forbid();
        if (!result.IsOk) return NotFound();
        Note = result.Value!;
        MayChange = await access.MayAsync(id, FileWork.Change, ct);
        if (MayChange)
        {
            // Who the note names stays nameable, also when they have left the household since.
            var members = (await queries.MembersAsync(id, ct)).ToDictionary();
            foreach (var p in Note.Huidig.MetWie) members.TryAdd(p.Id, p.Naam);
            Members = members;
        }
        return null;
    }
}
