using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Domain.Access;
using Regie.Web.Features.Access;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// Step 1 for any care worker who may change the file: record what was seen or heard. Who may not read the track is told
/// it is recorded and goes back to the household; a reader goes to the track.
/// </summary>
public sealed class SignalModel(MeldcodeQueries queries, FileAccessService files, RecordSignalsHandler record) : PageModel
{
    [BindProperty] public SignalsInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public IReadOnlyList<MeldcodePerson> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Input.Personen = Members.Select(m => m.PersonId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await record.HandleAsync(id, Input, ct);
        var (next, message) = result.Value?.TrajectId is { } track
            ? ($"/huishoudens/{id}/meldcode/{track}", "De signalen zijn vastgelegd in het meldcodetraject.")
            : ($"/huishoudens/{id}", "De signalen zijn vastgelegd in het meldcodetraject. De regisseur, de aandachtsfunctionaris en de teamleider zien ze; overleg met hen (stap 2).");
        if (this.Finish(result, next, message) is { } done) return done;
        if (await LoadAsync(id, ct) is { } refused) return refused;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await files.CanOpenAsync(id, ct)) return NotFound();
        if (!await files.MayAsync(id, FileWork.Change, ct)) return Forbid();
        HouseholdId = id;
        Members = await queries.MembersAsync(id, ct);
        return null;
    }
}
