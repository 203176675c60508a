using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;

namespace Regie.Web.Features.VeiligVerder;

public sealed class ArrangementModel(HouseholdQueries households, VeiligVerderQueries queries, PlanQueries plans, AddSafetyAgreementHandler add,
    ChangeSafetyAgreementHandler change) : VeiligVerderPageBase(households, queries, plans)
{
    [BindProperty] public SafetyAgreementInput Input { get; set; } = new();
    public SafetyAgreementView? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> Kinds { get; } = Options(SafetyVocabulary.ActorKinds, SafetyVocabulary.Label, "Kies wie");
    protected override string MembersPrompt => "Kies wie uit het huishouden";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? agreementId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Find(agreementId)) return NotFound();
        if (Existing is { } a)
            Input = new SafetyAgreementInput
            {
                Wie = a.Wie.ToString(), PersoonId = a.PersoonId, Naam = a.Wie == SafetyActorKind.Huishoudlid ? null : a.Naam, Wat = a.Wat, Signaal = a.Signaal,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? agreementId, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        var result = agreementId is { } aid ? await change.HandleAsync(id, aid, Input, ct) : (await add.HandleAsync(id, Input, ct)).Select(a => a.Versie);
        var page = await AnswerAsync(id, result, agreementId is null ? "De afspraak is toegevoegd." : "De afspraak is opgeslagen.", ct);
        Find(agreementId);
        return page;
    }

    private bool Find(Guid? agreementId)
    {
        Existing = agreementId is { } aid ? VeiligVerder?.Afspraken.FirstOrDefault(a => a.Id == aid) : null;
        return agreementId is null || Existing is not null;
    }
}
