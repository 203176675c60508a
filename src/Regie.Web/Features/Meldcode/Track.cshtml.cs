using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Safety;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// One track: its persons, the entries per step with who recorded them when, the days per step, and the form for what
/// comes next. "Corrigeer" (<c>?corrigeer=</c>) opens the form of that entry's step filled with what it said; saving adds
/// the correction and keeps the original.
/// </summary>
public sealed class TrackModel(MeldcodeQueries queries, RecordConsultationHandler consultation, RecordConversationHandler conversation,
    RecordWeighingHandler weighing, RecordMeldcodeDecisionHandler decision, CorrectMeldcodeEntryHandler correct) : PageModel
{
    [BindProperty] public SignalsInput Signalen { get; set; } = new();
    [BindProperty] public ConsultationInput Overleg { get; set; } = new();
    [BindProperty] public ConversationInput Gesprek { get; set; } = new();
    [BindProperty] public WeighingInput Weging { get; set; } = new();
    [BindProperty] public MeldcodeDecisionInput Besluit { get; set; } = new();
    /// <summary>The track version the page was opened on; posted back with every form.</summary>
    [BindProperty] public int Versie { get; set; }
    [BindProperty(SupportsGet = true, Name = "corrigeer")] public Guid? Corrigeer { get; set; }

    public MeldcodeTrackView Track { get; private set; } = default!;
    public MeldcodeEntryView? Corrected { get; private set; }
    public IReadOnlyList<SelectListItem> Goals { get; private set; } = [];

    public IReadOnlyCollection<MeldcodeStep> Reached => Track.Vastleggingen.Select(e => Enum.Parse<MeldcodeStep>(e.Stap)).ToHashSet();

    /// <summary>Whether a form for this step is offered: the worker may work in the open track and the step order allows it.</summary>
    public bool Offers(MeldcodeStep step) => Corrigeer is null && Track.MagWerken && step != MeldcodeStep.Signalen
        && MeldcodeRules.CheckStep(Enum.Parse<MeldcodeTrackStatus>(Track.Status), step, Reached) is null;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid trackId, CancellationToken ct)
    {
        if (!await LoadAsync(id, trackId, keepVersion: false, ct)) return NotFound();
        if (Corrigeer is not null && Corrected is null) return NotFound();
        if (Corrected is { } e) Prefill(e);
        return Page();
    }

    public Task<IActionResult> OnPostSignalenAsync(Guid id, Guid trackId, CancellationToken ct) =>
        Corrigeer is { } e ? AnswerAsync(id, trackId, correct.HandleAsync(id, trackId, e, new CorrectionInput { Signalen = Signalen, Versie = Versie }, ct), "Signalen", ct)
            : Task.FromResult<IActionResult>(NotFound());

    public Task<IActionResult> OnPostOverlegAsync(Guid id, Guid trackId, CancellationToken ct)
    {
        Overleg.Versie = Versie;
        return AnswerAsync(id, trackId, Corrigeer is { } e ? correct.HandleAsync(id, trackId, e, new CorrectionInput { Overleg = Overleg, Versie = Versie }, ct)
            : consultation.HandleAsync(id, trackId, Overleg, ct), "Overleg", ct);
    }

    public Task<IActionResult> OnPostGesprekAsync(Guid id, Guid trackId, CancellationToken ct)
    {
        Gesprek.Versie = Versie;
        return AnswerAsync(id, trackId, Corrigeer is { } e ? correct.HandleAsync(id, trackId, e, new CorrectionInput { Gesprek = Gesprek, Versie = Versie }, ct)
            : conversation.HandleAsync(id, trackId, Gesprek, ct), "Gesprek", ct);
    }

    public Task<IActionResult> OnPostWegingAsync(Guid id, Guid trackId, CancellationToken ct)
    {
        Weging.Versie = Versie;
        return AnswerAsync(id, trackId, Corrigeer is { } e ? correct.HandleAsync(id, trackId, e, new CorrectionInput { Weging = Weging, Versie = Versie }, ct)
            : weighing.HandleAsync(id, trackId, Weging, ct), "Weging", ct);
    }

    public Task<IActionResult> OnPostBesluitAsync(Guid id, Guid trackId, CancellationToken ct)
    {
        Besluit.Versie = Versie;
        return AnswerAsync(id, trackId, Corrigeer is { } e ? correct.HandleAsync(id, trackId, e, new CorrectionInput { Besluit = Besluit, Versie = Versie }, ct)
            : decision.HandleAsync(id, trackId, Besluit, ct), "Besluit", ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, Guid trackId, Task<CommandResult<int>> work, string prefix, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await work;
        var message = Corrigeer is null ? "De stap is vastgelegd." : "De correctie is vastgelegd; de oorspronkelijke vastlegging blijft zichtbaar.";
        if (result.Status == CommandStatus.Ok)
        {
            TempData["Melding"] = message;
            return Redirect($"/huishoudens/{id}/meldcode/{trackId}");
        }
        if (this.Finish(result, "", message) is { } done) return done;
        ModelState.Clear();
        result.Errors.AddTo(ModelState, prefix);
        if (!await LoadAsync(id, trackId, keepVersion: result.Status != CommandStatus.Conflict, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid trackId, bool keepVersion, CancellationToken ct)
    {
        if (await queries.GetAsync(id, trackId, ct) is not { } track) return false;
        Track = track;
        if (!keepVersion) Versie = track.Versie;
        Corrected = Corrigeer is { } e ? track.Vastleggingen.FirstOrDefault(x => x.Id == e) : null;
        if (track.MagWerken)
            Goals = (await queries.GoalChoicesAsync(id, ct)).Select(g => new SelectListItem(g.Wat, g.Id.ToString())).ToList();
        return true;
    }

    private void Prefill(MeldcodeEntryView e)
    {
        var date = Format.Date(e.Datum);
        switch (Enum.Parse<MeldcodeStep>(e.Stap))
        {
            case MeldcodeStep.Signalen: Signalen = new SignalsInput { Wat = e.Tekst, DoorWie = e.Wie, Datum = date }; break;
            case MeldcodeStep.Overleg: Overleg = new ConsultationInput { Met = e.Met, Naam = e.Wie, Advies = e.Tekst, Datum = date }; break;
            case MeldcodeStep.Gesprek: Gesprek = new ConversationInput { Gevoerd = e.Gevoerd == true ? "Ja" : "Nee", Met = e.Wie, Verslag = e.Tekst, Datum = date }; break;
            case MeldcodeStep.Weging:
                Weging = new WeighingInput
                {
                    Afweging = e.Afwegingen.ToDictionary(a => a.Afweging, a => (string?)a.Antwoord),
                    Onderbouwing = e.Afwegingen.ToDictionary(a => a.Afweging, a => (string?)a.Onderbouwing), Datum = date,
                };
                break;
            default:
                Besluit = new MeldcodeDecisionInput
                {
                    Besluit = e.Besluit, Toelichting = e.Tekst, Datum = date, Doelen = [.. e.Doelen], Kanaal = e.Kanaal, Referentie = e.Referentie, InformeertGezin = e.Wie,
                };
                break;
        }
    }
}
