using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Safety;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// What of a track the resident does not get at inzage (UAVG art. 41): the withholdings with their reasons, for the
/// track's readers; the coordinator withholds the whole track or one entry, and lifts a withholding.
/// </summary>
public sealed class BeperkingModel(MeldcodeQueries queries, MeldcodeWithholdingQueries withholdings, MeldcodeAccessService access,
    WithholdMeldcodeFromExportHandler withhold, LiftMeldcodeWithholdingHandler lift) : PageModel
{
    [BindProperty] public WithholdingInput Input { get; set; } = new();

    public MeldcodeTrackView Track { get; private set; } = default!;
    public IReadOnlyList<MeldcodeWithholdingView> Withholdings { get; private set; } = [];
    public bool MayWithhold { get; private set; }
    public IReadOnlyList<SelectListItem> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid trackId, CancellationToken ct) =>
        await LoadAsync(id, trackId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid trackId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await withhold.HandleAsync(id, trackId, Input, ct);
        return await AnswerAsync(id, trackId, result, "Dit deel wordt niet verstrekt bij een inzageverzoek. De privacy officer ziet de reden.", ct);
    }

    public async Task<IActionResult> OnPostOpheffenAsync(Guid id, Guid trackId, Guid beperking, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await lift.HandleAsync(id, trackId, beperking, ct);
        return await AnswerAsync(id, trackId, result, "De beperking is opgeheven: dit deel komt in de volgende inzage.", ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, Guid trackId, CommandResult<Guid> result, string message, CancellationToken ct)
    {
        if (result.Status == CommandStatus.Invalid)
        {
            result.Errors.AddTo(ModelState, nameof(Input));
            return await LoadAsync(id, trackId, ct) ? Page() : NotFound();
        }
        if (this.Finish(result, $"/huishoudens/{id}/meldcode/{trackId}/beperking", message) is { } done) return done;
        return await LoadAsync(id, trackId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid trackId, CancellationToken ct)
    {
        if (await queries.GetAsync(id, trackId, ct) is not { } track) return false;
        if (await withholdings.ForTrackAsync(id, trackId, ct) is not { } list) return false;
        Track = track;
        Withholdings = list;
        MayWithhold = MeldcodeWithholdingRules.MayWithhold(await access.FactsAsync(id, ct));
        Parts = [new SelectListItem("Het hele traject", ""),
            .. track.Vastleggingen.Select(e => new SelectListItem($"{MeldcodeRules.Label(Enum.Parse<MeldcodeStep>(e.Stap))}, {Format.Date(e.Datum)}", e.Id.ToString()))];
        return true;
    }
}
