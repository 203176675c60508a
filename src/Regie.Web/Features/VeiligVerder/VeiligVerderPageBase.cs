using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>
/// What every Veilig Verder form shares: the household and its annex, which must belong to the active plan, and the answer
/// to a post. On a conflict the form shows the newest version number with the user's input kept, as the plan's forms do.
/// </summary>
public abstract class VeiligVerderPageBase(HouseholdQueries households, VeiligVerderQueries queries, PlanQueries plans) : PageModel
{
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public VeiligVerderView VeiligVerder { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];
    /// <summary>The version the form was opened on; posted back with the form.</summary>
    [BindProperty] public int Versie { get; set; }

    protected async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool keepVersion = false)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        if (await queries.CurrentAsync(id, ct) is not { IsActive: true } vv) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        VeiligVerder = vv;
        if (!keepVersion) Versie = vv.Versie;
        var (members, _) = await plans.OwnerOptionsAsync(id, ct);
        Members = members.Select(m => new SelectListItem(m.Value, m.Key.ToString())).Prepend(new SelectListItem(MembersPrompt, "")).ToList();
        return true;
    }

    /// <summary>The first line of the members' list: what choosing nobody means on this form.</summary>
    protected virtual string MembersPrompt => "Kies wie";

    protected async Task<IActionResult> AnswerAsync<T>(Guid id, CommandResult<T> result, string message, CancellationToken ct)
    {
        if (this.Finish(result, $"/huishoudens/{id}/plan/veilig-verder", message) is { } done) return done;
        return await LoadAsync(id, ct, keepVersion: result.Status != CommandStatus.Conflict) ? Page() : NotFound();
    }

    protected static List<SelectListItem> Options<TEnum>(IEnumerable<TEnum> values, Func<TEnum, string> label, string prompt) where TEnum : struct, Enum =>
        values.Select(v => new SelectListItem(label(v), v.ToString())).Prepend(new SelectListItem(prompt, "")).ToList();
}
