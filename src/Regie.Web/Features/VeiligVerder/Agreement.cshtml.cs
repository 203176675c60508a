using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;

namespace Regie.Web.Features.VeiligVerder;

public sealed class AgreementModel(HouseholdQueries households, VeiligVerderQueries queries, PlanQueries plans, RecordVeiligVerderAgreementHandler record)
    : VeiligVerderPageBase(households, queries, plans)
{
    [BindProperty] public VeiligVerderAgreementInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Ways { get; } =
        AgreementWays.All.Select(w => new SelectListItem(w.Label, w.Value)).Prepend(new SelectListItem("Kies hoe", "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        return await AnswerAsync(id, await record.HandleAsync(id, Input, ct), "Het akkoord van het huishouden op het Veilig Verder-plan is vastgelegd.", ct);
    }
}
