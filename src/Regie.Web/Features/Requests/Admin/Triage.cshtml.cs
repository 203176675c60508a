using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Requests.Admin;

public sealed class TriageModel(SaveTriageSettingsHandler handler, TriageSettingsQueries queries) : PageModel
{
    [BindProperty] public TriageSettingsInput Input { get; set; } = new();
    public TriageSettings Current { get; private set; } = default!;
    public IReadOnlyList<TriageSettingsChange> History { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Models { get; } =
        Enum.GetValues<Domain.Care.TriageModel>().Select(m => new SelectListItem(TriageRules.Label(m), m.ToString())).ToList();
    public IReadOnlyList<SelectListItem> RouteOptions { get; } = TriageRoutes.All.Select(r => new SelectListItem(TriageRoutes.Label(r), r.ToString())).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new TriageSettingsInput
        {
            Model = Current.Model.ToString(), Zorgdrempel = Current.ConcernThreshold, MinimumLeefgebieden = Current.MinDomains,
            Routes = Current.Routes.ToDictionary(r => TriageRules.CellKey(r.Key.Class, r.Key.Maatwerk), r => (string?)r.Value.ToString()),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.SaveFromFormAsync(Input, ct);
        if (this.Finish(result, "/beheer/triage", "De werkwijze is opgeslagen. Nieuwe intakes krijgen een voorstel volgens deze tabel.") is { } done) return done;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await queries.CurrentAsync(ct);
        History = await queries.HistoryAsync(ct);
    }
}
