using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.ContactNotes;

/// <summary>The household's contact notes, the newest first, and the form to record a new contact: the same handler as the API.</summary>
public sealed class IndexModel(ContactNoteQueries queries, AddContactNoteHandler add, Access.FileAccessService access, TimeProvider clock) : PageModel
{
    [BindProperty] public ContactNoteInput Input { get; set; } = new();
    public ContactNotesView Notes { get; private set; } = default!;
    public IReadOnlyDictionary<Guid, string> Members { get; private set; } = new Dictionary<Guid, string>();
    /// <summary>Record a contact: not with emergency access, which only reads.</summary>
    public bool MayChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.Datum = DutchDate.Format(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await add.HandleAsync(id, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}/contacten", "Het contact is vastgelegd.") is { } done) return done;
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.ListAsync(id, ct);
        if (result.Status == CommandStatus.Forbidden) return Forbid();
        if (!result.IsOk) return NotFound();
        Notes = result.Value!;
        MayChange = await access.MayAsync(id, FileWork.Change, ct);
        if (MayChange) Members = await queries.MembersAsync(id, ct);
        return null;
    }
}
