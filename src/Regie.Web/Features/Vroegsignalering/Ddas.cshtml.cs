using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Text.Json;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>
/// The DDAS delivery to CBS: choose a period (the last full month unless asked otherwise), see what it holds, download the JSON.
/// For the vroegsignalering workers and for policy (beleid), who report to CBS; a plain form and a link, no script.
/// </summary>
public sealed class DdasModel(DdasReport report, CurrentUser user) : PageModel
{
    [FromQuery(Name = "van")] public string? Van { get; set; }
    [FromQuery(Name = "tot")] public string? Tot { get; set; }
    public DdasTelling? Telling { get; private set; }
    /// <summary>Why there is no delivery: the settings lack the DDAS contact.</summary>
    public string? Probleem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Default();
        var result = await report.BuildAsync(Van, Tot, DdasPurpose.Counts, ct);
        if (result.IsOk) Telling = result.Value!.Telling;
        else Show(result);
    }

    public async Task<IActionResult> OnGetBestandAsync(CancellationToken ct)
    {
        Default();
        var result = await report.BuildAsync(Van, Tot, DdasPurpose.File, ct);
        if (!result.IsOk)
        {
            Show(result);
            return Page();
        }
        var t = result.Value!.Telling;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(result.Value.Levering, DdasReport.FileJson);
        return File(bytes, "application/json", DdasReport.FileName(t.Van, t.Tot, user.Gemeentecode!));
    }

    private void Default()
    {
        if (!string.IsNullOrWhiteSpace(Van) || !string.IsNullOrWhiteSpace(Tot)) return;
        var (van, tot) = DdasDelivery.LastFullMonth(report.Today);
        Van = DutchDate.Format(van);
        Tot = DutchDate.Format(tot);
    }

    private void Show(CommandResult<DdasReportResult> result)
    {
        foreach (var e in result.Errors)
            if (string.IsNullOrEmpty(e.Field)) Probleem = e.Message;
            else ModelState.AddModelError(e.Field, e.Message);
    }
}
