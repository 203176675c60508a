using Microsoft.AspNetCore.Mvc;
using Regie.Web.Features.Households;

namespace Regie.Web.Features.Plans;

public sealed class EvaluationModel(HouseholdQueries households, PlanQueries plans, RecordEvaluationHandler record) : PlanPageBase(households, plans)
{
    [BindProperty] public EvaluationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadPlanAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        return await AnswerAsync(id, await record.HandleAsync(id, Input, ct), "De evaluatie is vastgelegd.", null, ct);
    }
}
