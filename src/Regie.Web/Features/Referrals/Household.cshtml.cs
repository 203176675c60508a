using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

public sealed class StepForm
{
    public string? Status { get; set; }
    /// <summary>One text field in the form: the reason of a decline or the feedback of a finish.</summary>
    public string? Toelichting { get; set; }
    public int Versie { get; set; }

    public ReferralStepInput ToInput() => new()
    {
        Status = Status, Versie = Versie,
        Reden = Domain.Referrals.ReferralStatuses.Parse(Status) == Domain.Referrals.ReferralStatus.Afgewezen ? Toelichting : null,
        Terugkoppeling = Domain.Referrals.ReferralStatuses.Parse(Status) == Domain.Referrals.ReferralStatus.Afgerond ? Toelichting : null,
    };
}

/// <summary>The household's referrals for the team, overdue ones marked, with their history.</summary>
[Authorize(Policy = Policies.Care)]
public sealed class HouseholdModel(HouseholdQueries households, ReferralQueries referrals, StepReferralHandler step) : PageModel
{
    [BindProperty] public StepForm Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<ReferralView> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStapAsync(Guid id, Guid verwijzing, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await step.HandleAsync(verwijzing, Input.ToInput(), ct, id);
        // The form has one text field: its errors belong there whatever the rule called it.
        if (result.Status == CommandStatus.Invalid)
            result = result with { Errors = result.Errors.Select(e => e with { Field = "" }).ToList() };
        if (this.Finish(result, $"/huishoudens/{id}/verwijzingen", "De status van de verwijzing is bijgewerkt.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        if (await referrals.ForHouseholdAsync(id, ct) is not { } list) return false;
        (HouseholdId, HouseholdNaam, Referrals) = (id, h.Naam, list);
        return true;
    }
}
