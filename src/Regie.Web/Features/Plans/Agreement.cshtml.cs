using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Web.Features.Households;

namespace Regie.Web.Features.Plans;

public sealed class AgreementModel(HouseholdQueries households, PlanQueries plans, RecordAgreementHandler record) : PlanPageBase(households, plans)
{
    [BindProperty] public AgreementInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Ways { get; } =
        AgreementWays.All.Select(w => new SelectListItem(w.Label, w.Value)).Prepend(new SelectListItem("Kies hoe", "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadPlanAsync(id, ct)) return NotFound();
        await MembersAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        return await AnswerAsync(id, await record.HandleAsync(id, Input, ct), "Het akkoord van het huishouden is vastgelegd.", () => MembersAsync(id, ct), ct);
    }

    private async Task MembersAsync(Guid id, CancellationToken ct)
    {
        var (members, _) = await Plans.OwnerOptionsAsync(id, ct);
        Members = members.Select(m => new SelectListItem(m.Value, m.Key.ToString())).Prepend(new SelectListItem("Kies wie", "")).ToList();
    }
}
