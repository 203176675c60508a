using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

/// <summary>The team lead's conflict-of-interest figures.</summary>
[Authorize(Policy = Policies.TeamLead)]
public sealed class ConflictOfInterestModel(ConflictOfInterestQuery query) : PageModel
{
    [FromQuery(Name = "van")] public string? Van { get; set; }
    [FromQuery(Name = "tot")] public string? Tot { get; set; }
    public ConflictOfInterestReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await query.ReportAsync(Van, Tot, ct);
        if (result.IsOk) Report = result.Value;
        else foreach (var e in result.Errors) ModelState.AddModelError(e.Field.ToLowerInvariant(), e.Message);
    }
}
