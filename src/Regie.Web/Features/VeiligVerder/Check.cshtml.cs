using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using System.Globalization;

namespace Regie.Web.Features.VeiligVerder;

public sealed class CheckModel(HouseholdQueries households, VeiligVerderQueries queries, PlanQueries plans, AddSafetyCheckHandler add, ChangeSafetyCheckHandler change)
    : VeiligVerderPageBase(households, queries, plans)
{
    [BindProperty] public SafetyCheckInput Input { get; set; } = new();
    public SafetyCheckView? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> Methods { get; } = Options(SafetyVocabulary.Methods, SafetyVocabulary.Label, "Kies hoe");
    public IReadOnlyList<SelectListItem> Units { get; } = Options(SafetyVocabulary.Units, SafetyVocabulary.Label, "Kies dagen of weken");

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? checkId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Find(checkId)) return NotFound();
        if (Existing is { } c)
            Input = new SafetyCheckInput
            {
                Wie = c.Wie, Hoe = c.Hoe.ToString(), Aantal = c.Aantal.ToString(CultureInfo.InvariantCulture), Eenheid = c.Eenheid.ToString(),
                VolgendeControle = DutchDate.Format(c.VolgendeControle),
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? checkId, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        var result = checkId is { } cid ? await change.HandleAsync(id, cid, Input, ct) : (await add.HandleAsync(id, Input, ct)).Select(a => a.Versie);
        var page = await AnswerAsync(id, result, checkId is null ? "Het toezicht is toegevoegd." : "Het toezicht is opgeslagen.", ct);
        Find(checkId);
        return page;
    }

    private bool Find(Guid? checkId)
    {
        Existing = checkId is { } cid ? VeiligVerder?.Toezicht.FirstOrDefault(c => c.Id == cid) : null;
        return checkId is null || Existing is not null;
    }
}
