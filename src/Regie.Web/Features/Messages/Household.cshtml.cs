using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Web.Features.Consent;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Messages;

/// <summary>The household's threads for the file's team, and starting one with an involved organisation.</summary>
public sealed class HouseholdModel(HouseholdQueries households, MessageQueries messages, ConsentQueries consents, StartThreadHandler start) : PageModel
{
    [BindProperty] public StartThreadInput Input { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<ThreadItem> Threads { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await start.HandleAsync(id, Input, ct);
        if (this.Finish(result, result.IsOk ? $"/huishoudens/{id}/berichten/{result.Value}" : "", "Het gesprek is gestart.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct, "berichten") is not { } h || await messages.ThreadsAsync(id, ct) is not { } threads) return false;
        (HouseholdId, HouseholdNaam, Threads) = (id, h.Naam, threads);
        Organisations = (await consents.OrganisationsAsync(ct)).Select(o => new SelectListItem(o.Naam, o.Id.ToString()))
            .Prepend(new SelectListItem("Kies een organisatie", "")).ToList();
        return true;
    }
}
