using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Households;

namespace Regie.Web.Features.Plans;

public sealed class ActionModel(HouseholdQueries households, PlanQueries plans, AddActionHandler add, ChangeActionHandler change,
    Conferences.ConferenceQueries conferences) : PlanPageBase(households, plans)
{
    /// <summary>The conference decision this new action is taken from (<c>?uitBesluit=</c>), shown above the form.</summary>
    public Conferences.DecisionSource? Besluit { get; private set; }

    [BindProperty] public ActionInput Input { get; set; } = new();
    public ActionView? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> Goals { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Kinds { get; } =
        ActionOwnerKinds.All.Select(k => new SelectListItem(ActionOwnerKinds.Label(k), k.ToString())).Prepend(new SelectListItem("Kies wie het doet", "")).ToList();
    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Colleagues { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Network { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? actionId, Guid? doel, Guid? uitBesluit, CancellationToken ct)
    {
        if (!await LoadPlanAsync(id, ct) || !await OptionsAsync(id, actionId, ct)) return NotFound();
        // Only a decision of this household's own held conferences fills the form; any other id is not found.
        if (uitBesluit is { } decision && (actionId is not null || (Besluit = await conferences.DecisionAsync(id, decision, ct)) is null)) return NotFound();
        Input.DoelId = doel;
        if (Besluit is { } b) (Input.Omschrijving, Input.BesluitId) = (b.Tekst, b.Id);
        if (Existing is { } a)
            Input = new ActionInput
            {
                DoelId = a.DoelId, Omschrijving = a.Omschrijving, Uitvoerder = a.Uitvoerder.ToString(),
                // The form shows who it is as chosen: a member, a network member, a colleague or an organisation in Regie; a typed name otherwise.
                Naam = a.Uitvoerder is ActionOwnerKind.Huishoudlid || a.NetwerkLidId is not null || a.OrganisatieId is not null || a.MedewerkerId is not null ? null : a.Naam,
                PersoonId = a.PersoonId, MedewerkerId = a.MedewerkerId, NetwerkLidId = a.NetwerkLidId, OrganisatieId = a.OrganisatieId, Deadline = a.Deadline is { } d ? DutchDate.Format(d) : null,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? actionId, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Versie = Versie;
        var result = actionId is { } aid ? await change.HandleAsync(id, aid, Input, ct) : await add.HandleAsync(id, Input, ct);
        return await AnswerAsync(id, result, actionId is null ? "De actie is toegevoegd." : "De actie is opgeslagen.", async () =>
        {
            await OptionsAsync(id, actionId, ct);
            if (actionId is null && Input.BesluitId is { } decision) Besluit = await conferences.DecisionAsync(id, decision, ct);
        }, ct);
    }

    private async Task<bool> OptionsAsync(Guid id, Guid? actionId, CancellationToken ct)
    {
        Existing = actionId is { } aid ? Plan.Acties.FirstOrDefault(a => a.Id == aid) : null;
        if (actionId is not null && Existing is null) return false;
        Goals = Plan.Doelen.Select(g => new SelectListItem(g.Wat, g.Id.ToString())).Prepend(new SelectListItem("Hoort niet bij één doel", "")).ToList();
        var (members, colleagues) = await Plans.OwnerOptionsAsync(id, ct);
        Members = members.Select(m => new SelectListItem(m.Value, m.Key.ToString())).Prepend(new SelectListItem("—", "")).ToList();
        Colleagues = colleagues.Select(c => new SelectListItem(c.Name, c.Id)).Prepend(new SelectListItem("—", "")).ToList();
        var network = (await Plans.NetworkOptionsAsync(id, ct)).Select(n => new SelectListItem(n.Value, n.Key.ToString())).Prepend(new SelectListItem("—", "")).ToList();
        // An action keeps the network member it names after they ended: the form offers them for this action only.
        if (Existing is { NetwerkLidId: { } kept } e && !network.Any(n => n.Value == kept.ToString()))
            network.Add(new SelectListItem($"{e.Naam} (beëindigd)", kept.ToString()));
        Network = network;
        Organisations = (await Plans.OrganisationOptionsAsync(ct)).Select(o => new SelectListItem(o.Value, o.Key.ToString())).Prepend(new SelectListItem("—", "")).ToList();
        return true;
    }
}
