using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Domain.Models;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Scenarios;

/// <summary>
/// The cockpit: every assumption with its base, low and high value and its source, editable; the seed, the runs and the models.
/// "Berekenen" shows the result without saving; "Opslaan" needs a name and stores the scenario. Works without script.
/// </summary>
[Authorize(Roles = Roles.Beleid)]
public sealed class NieuwModel(ScenarioQueries queries, SaveScenarioHandler handler) : PageModel
{
    [BindProperty] public ScenarioInput Input { get; set; } = new();
    public ScenarioEstimate Estimate { get; private set; } = default!;
    public ScenarioRun? Run { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Estimate = await queries.EstimateAsync(ct);
        Input = ScenarioInput.From(Estimate.Parameters, Estimate.ModelNu);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Estimate = await queries.EstimateAsync(ct);
        var result = await handler.RunAsync(Input, ct);
        if (result.IsOk) Run = result.Value;
        else if (this.Finish(result, "/monitor/scenarios/nieuw", "") is { } done) return done;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.SaveAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Melding"] = "Het scenario is opgeslagen.";
            return Redirect($"/monitor/scenarios/{result.Value}");
        }
        if (this.Finish(result, "/monitor/scenarios", "") is { } done) return done;
        Estimate = await queries.EstimateAsync(ct);
        return Page();
    }

    public static IReadOnlyList<ScenarioModel> AllModels => ScenarioModels.All;
}
