using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Scenarios;

/// <summary>The back-test: for a change of working model in the triage history, the prediction from the year before next to what followed.</summary>
[Authorize(Roles = Roles.Beleid)]
public sealed class TerugblikModel(ScenarioQueries queries) : PageModel
{
    public IReadOnlyList<ModelChange> Changes { get; private set; } = [];
    [FromQuery(Name = "wijziging")] public Guid? Wijziging { get; set; }
    public BackTestView? BackTest { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Changes = await queries.ChangesAsync(ct);
        var chosen = Wijziging is { } id && Changes.Any(c => c.Id == id) ? id : Changes.LastOrDefault()?.Id;
        Wijziging = chosen;
        if (chosen is { } c) BackTest = await queries.BackTestAsync(c, ct);
    }
}
