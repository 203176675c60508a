using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Plans;

/// <summary>
/// What every plan form shares: the household and its active plan, and the answer to a post. On a
/// conflict the form shows the newest version number with the user's input untouched, so saving
/// again applies their change on top of the other one and nothing typed is lost.
/// </summary>
public abstract class PlanPageBase(HouseholdQueries households, PlanQueries plans) : PageModel
{
    protected PlanQueries Plans => plans;
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public PlanView Plan { get; private set; } = default!;
    /// <summary>The plan version the form was opened on; posted back with the form.</summary>
    [BindProperty] public int Versie { get; set; }

    protected async Task<bool> LoadPlanAsync(Guid id, CancellationToken ct, bool keepVersion = false)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        if (await plans.CurrentAsync(id, ct) is not { IsActive: true } plan) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        Plan = plan;
        if (!keepVersion) Versie = plan.Versie;
        return true;
    }

    protected async Task<IActionResult> AnswerAsync<T>(Guid id, CommandResult<T> result, string message, Func<Task>? reload, CancellationToken ct, string? successUrl = null)
    {
        if (this.Finish(result, successUrl ?? $"/huishoudens/{id}/plan", message) is { } done) return done;
        if (!await LoadPlanAsync(id, ct, keepVersion: result.Status != CommandStatus.Conflict)) return NotFound();
        if (reload is not null) await reload();
        return Page();
    }
}
