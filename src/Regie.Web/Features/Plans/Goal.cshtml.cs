using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Households;

namespace Regie.Web.Features.Plans;

public sealed class GoalModel(HouseholdQueries households, PlanQueries plans, AddGoalHandler add, ChangeGoalHandler change,
    Conferences.ConferenceQueries conferences) : PlanPageBase(households, plans)
{
    /// <summary>The conference decision this new goal is taken from (<c>?uitBesluit=</c>), shown above the form.</summary>
    public Conferences.DecisionSource? Besluit { get; private set; }

    [BindProperty] public GoalInput Input { get; set; } = new();
    public GoalView? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> Domains { get; } =
        Zrm.Domains.Select(d => new SelectListItem(Zrm.Label(d), d.ToString())).Prepend(new SelectListItem("Kies een leefgebied", "")).ToList();
    public IReadOnlyList<SelectListItem> Statuses { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? goalId, Guid? uitBesluit, CancellationToken ct)
    {
        if (!await LoadPlanAsync(id, ct) || !Options(goalId)) return NotFound();
        // Only a decision of this household's own held conferences fills the form; any other id is not found.
        if (uitBesluit is { } decision && (goalId is not null || (Besluit = await conferences.DecisionAsync(id, decision, ct)) is null)) return NotFound();
        await MembersAsync(id, ct);
        if (Besluit is { } b) Input = new GoalInput { Wat = b.Tekst, BesluitId = b.Id };
        if (Existing is { } g)
            Input = new GoalInput
            {
                Leefgebied = g.Leefgebied.ToString(), PersoonId = g.PersoonId, Wat = g.Wat, MeetbaarResultaat = g.MeetbaarResultaat,
                Streefdatum = DutchDate.Format(g.Streefdatum), Wie = g.Wie, Status = g.Status.ToString(), Toelichting = g.Toelichting,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? goalId, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        var result = goalId is { } gid ? await change.HandleAsync(id, gid, Input, ct) : await add.HandleAsync(id, Input, ct);
        return await AnswerAsync(id, result, goalId is null ? "Het doel is toegevoegd." : "Het doel is opgeslagen.", async () =>
        {
            Options(goalId);
            if (goalId is null && Input.BesluitId is { } decision) Besluit = await conferences.DecisionAsync(id, decision, ct);
            await MembersAsync(id, ct);
        }, ct);
    }

    private bool Options(Guid? goalId)
    {
        Existing = goalId is { } gid ? Plan.Doelen.FirstOrDefault(g => g.Id == gid) : null;
        if (goalId is not null && Existing is null) return false;
        Statuses = GoalStatuses.All.Select(s => new SelectListItem(GoalStatuses.Label(s), s.ToString())).ToList();
        return true;
    }

    private async Task MembersAsync(Guid id, CancellationToken ct)
    {
        var (members, _) = await Plans.OwnerOptionsAsync(id, ct);
        Members = members.Select(m => new SelectListItem(m.Value, m.Key.ToString())).Prepend(new SelectListItem("Het hele huishouden", "")).ToList();
    }
}
