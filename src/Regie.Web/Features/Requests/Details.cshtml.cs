using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Requests;

public sealed class DetailsModel(RequestQueries queries, RecordIntakeHandler intake, DecideTriageHandler decide) : PageModel
{
    [BindProperty] public IntakeInput Intake { get; set; } = new();
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    public RequestView HelpRequest { get; private set; } = default!;
    public static readonly IReadOnlyList<SelectListItem> ScoreOptions =
        new[] { new SelectListItem("niet gescreend", "") }.Concat(Enumerable.Range(1, 5).Select(i => new SelectListItem($"{i} – {Zrm.ScaleLabel(i)}", i.ToString()))).ToList();
    /// <summary>Filled when the worker has no team and nobody holds the household yet: routing to the team needs a named team.</summary>
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Routes { get; } =
        TriageRoutes.All.Select(r => new SelectListItem(TriageRoutes.Label(r), r.ToString())).Prepend(new SelectListItem("Kies de route", "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Decision.Route = HelpRequest.Voorstel?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostIntakeAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await intake.HandleAsync(id, Intake, ct);
        if (result.IsOk && Enums.ParseDefined<SafetyJudgement>(Intake.VeiligheidOordeel) is { } judgement)
        {
            // The advice of the Meldcode after the judgement; acute danger is shown above everything else on the page.
            TempData["VeiligheidAdvies"] = SafetyCheck.Advice(judgement);
            TempData["VeiligheidAcuut"] = judgement == SafetyJudgement.Acuut;
        }
        if (this.Finish(result, $"/hulpvragen/{id}#route", "De screening is opgeslagen. Bekijk het voorstel en besluit over de route.") is { } done) return done;
        var posted = Intake;
        if (!await LoadAsync(id, ct)) return NotFound();
        // Keep what was typed; after a conflict the form carries the newest version so saving again works.
        Intake = new IntakeInput
        {
            Scores = posted.Scores, Veiligheid = posted.Veiligheid, VeiligheidOordeel = posted.VeiligheidOordeel, VeiligheidToelichting = posted.VeiligheidToelichting,
            Versie = result.Status == CommandStatus.Conflict ? HelpRequest.Versie : posted.Versie,
        };
        result.Errors.AddTo(ModelState, "Intake");
        return Page();
    }

    public async Task<IActionResult> OnPostDecisionAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await decide.HandleAsync(id, Decision, ct);
        var (next, message) = result.Value switch
        {
            { StillOpen: false } => ("/hulpvragen", "De route is vastgelegd. Het wijkteam neemt het huishouden op."),
            { TrajectoryId: not null } d => ($"/huishoudens/{d.HouseholdId}/plan", "De route is vastgelegd."),
            _ => ($"/hulpvragen/{id}", "De route is vastgelegd."),
        };
        if (this.Finish(result, next, message) is { } done) return done;
        var posted = Decision;
        if (!await LoadAsync(id, ct)) return NotFound();
        Decision = new DecisionInput { Route = posted.Route, Reden = posted.Reden, Team = posted.Team, Versie = result.Status == CommandStatus.Conflict ? HelpRequest.Versie : posted.Versie };
        ModelState.Clear();
        result.Errors.AddTo(ModelState, "Decision");
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } r) return false;
        HelpRequest = r;
        Intake.Versie = r.Versie;
        Decision.Versie = r.Versie;
        Intake.Scores = r.Scores.ToDictionary(s => $"{s.Key.PersonId}:{s.Key.Domain}", s => (string?)s.Value.ToString());
        if (r.Status != Data.RequestStatus.Besloten)
            Teams = (await queries.TeamChoicesAsync(r.HuishoudenId, ct)).Select(t => new SelectListItem(t.Naam, t.Id.ToString()))
                .Prepend(new SelectListItem("Kies het team", "")).ToList();
        if (Teams.Count == 1) Teams = [];
        return true;
    }
}
