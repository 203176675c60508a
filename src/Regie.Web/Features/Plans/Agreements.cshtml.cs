using Microsoft.AspNetCore.Mvc;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Households;

namespace Regie.Web.Features.Plans;

public sealed class AgreementsModel(HouseholdQueries households, PlanQueries plans, UpdatePlanHandler update) : PlanPageBase(households, plans)
{
    [BindProperty] public PlanInput Input { get; set; } = new();
    public IReadOnlyList<LegalFramework> Frameworks => LegalFrameworks.All;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPlanAsync(id, ct)) return NotFound();
        Input = new PlanInput { Afspraken = Plan.Afspraken, Evaluatiedatum = DutchDate.Format(Plan.VolgendeEvaluatie), Kaders = Plan.Kaders.Select(k => k.ToString()).ToList() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        return await AnswerAsync(id, await update.HandleAsync(id, Input, ct), "De afspraken zijn opgeslagen.", null, ct);
    }
}
