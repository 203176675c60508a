using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Privacy;

/// <summary>The privacy officer answers inzageverzoeken; no other role compiles a whole record.</summary>
[Authorize(Roles = Roles.Privacy)]
public sealed class InzageModel(ResidentExportService service) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [BindProperty(SupportsGet = true)] public string? Bsn { get; set; }
    public ResidentDataExport? Export { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Bsn)) return;
        var result = await service.ExportAsync(Bsn, ct);
        if (result.IsValid) Export = result.Value;
        else ModelState.AddModelError(nameof(Bsn), result.Error!.Message);
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        var result = await service.ExportAsync(Bsn, ct);
        if (!result.IsValid) return BadRequest(result.Error!.Message);
        return File(JsonSerializer.SerializeToUtf8Bytes(result.Value, Json), "application/json", $"inzage-{DateTime.UtcNow:yyyyMMdd}.json");
    }
}
