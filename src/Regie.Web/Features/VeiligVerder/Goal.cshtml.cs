using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;

namespace Regie.Web.Features.VeiligVerder;

public sealed class GoalModel(HouseholdQueries households, VeiligVerderQueries queries, PlanQueries plans, AddSafetyGoalHandler add, ChangeSafetyGoalHandler change)
    : VeiligVerderPageBase(households, queries, plans)
{
    [BindProperty] public SafetyGoalInput Input { get; set; } = new();
    public SafetyGoalView? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> Statuses { get; } = Options(SafetyGoalStatuses.All, SafetyGoalStatuses.Label, "Kies een status");
    protected override string MembersPrompt => "Het hele huishouden";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? goalId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Find(goalId)) return NotFound();
        if (Existing is { } g) Input = new SafetyGoalInput { Wat = g.Wat, PersoonId = g.PersoonId, Streefdatum = DutchDate.Format(g.Streefdatum), Status = g.Status.ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? goalId, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        var result = goalId is { } gid ? await change.HandleAsync(id, gid, Input, ct) : (await add.HandleAsync(id, Input, ct)).Select(a => a.Versie);
        var page = await AnswerAsync(id, result, goalId is null ? "Het veiligheidsdoel is toegevoegd." : "Het veiligheidsdoel is opgeslagen.", ct);
        Find(goalId);
        return page;
    }

    private bool Find(Guid? goalId)
    {
        Existing = goalId is { } gid ? VeiligVerder?.Doelen.FirstOrDefault(g => g.Id == gid) : null;
        return goalId is null || Existing is not null;
    }
}
