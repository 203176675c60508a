using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Evaluaties;

/// <summary>The policy officer records a change of working practice of some teams, and sees the changes one can evaluate.</summary>
[Authorize(Roles = Roles.Beleid)]
public sealed class WijzigingenModel(EvaluationData data, RecordWerkwijzewijzigingHandler record) : PageModel
{
    [BindProperty] public WerkwijzewijzigingInput Input { get; set; } = new();
    public IReadOnlyList<EvaluableChange> Changes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await record.HandleAsync(Input, ct);
        if (this.Finish(result, "/monitor/evaluatie/wijzigingen", "De werkwijzewijziging is vastgelegd; u kunt haar nu evalueren.") is { } done) return done;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Changes = await data.ChangesAsync(ct);
        Teams = (await data.TeamNamesAsync(ct)).OrderBy(t => t.Value).Select(t => (t.Key, t.Value)).ToList();
    }
}
