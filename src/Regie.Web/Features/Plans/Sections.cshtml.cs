using Microsoft.AspNetCore.Mvc;
using Regie.Domain.Care;
using Regie.Web.Features.Households;

namespace Regie.Web.Features.Plans;

/// <summary>The plan's own sections in one form: what goes well, the concerns with what matters most, and earlier help.</summary>
public sealed class SectionsModel(HouseholdQueries households, PlanQueries plans, ChangePlanSectionsHandler handler, EarlierHelpSuggestion suggestion)
    : PlanPageBase(households, plans)
{
    /// <summary>Empty rows for new concerns: the form works without script.</summary>
    public const int EmptyRows = 3;

    [BindProperty] public PlanSectionsInput Input { get; set; } = new();
    /// <summary>The earlier help was filled in from the file and is not saved yet.</summary>
    public bool Suggested { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool aanvullen, CancellationToken ct)
    {
        if (!await LoadPlanAsync(id, ct)) return NotFound();
        Input = new PlanSectionsInput
        {
            Sterktes = Plan.Sterktes, EerdereHulp = Plan.EerdereHulp,
            Zorgen = (Plan.Zorgen ?? []).Select(z => new ConcernInput { Wat = z.Wat, Belangrijkst = z.Belangrijkst }).ToList(),
        };
        // Empty, or asked for: what the file knows of earlier help, to check and edit before saving.
        if (aanvullen || string.IsNullOrWhiteSpace(Input.EerdereHulp))
        {
            if (await suggestion.ForHouseholdAsync(id, Plan.TrajectoryId, ct) is { } known)
            {
                Input.EerdereHulp = string.IsNullOrWhiteSpace(Input.EerdereHulp) ? known : Input.EerdereHulp + "\n" + known;
                Suggested = true;
            }
        }
        AddEmptyRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        var result = await handler.HandleAsync(id, Input, ct);
        return await AnswerAsync(id, result, "Het plan is opgeslagen.", () => { AddEmptyRows(); return Task.CompletedTask; }, ct);
    }

    private void AddEmptyRows()
    {
        var room = Math.Max(0, Math.Min(EmptyRows, PlanSectionRules.MaxConcerns - Input.Zorgen.Count(z => !string.IsNullOrWhiteSpace(z.Wat))));
        Input.Zorgen = [.. Input.Zorgen.Where(z => !string.IsNullOrWhiteSpace(z.Wat)), .. Enumerable.Range(0, room).Select(_ => new ConcernInput())];
    }
}
