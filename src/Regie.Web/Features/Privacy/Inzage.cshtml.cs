using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Infrastructure;
using System.Text.Json;

namespace Regie.Web.Features.Privacy;

/// <summary>The privacy officer answers inzageverzoeken; no other role compiles a whole record.</summary>
[Authorize(Roles = Roles.Privacy)]
public sealed class InzageModel(ResidentExportService service, Retention.RetentionService retention, Data.RegieDbContext db) : PageModel
{
    [BindProperty] public string? Reden { get; set; }
    public string? Melding { get; private set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [BindProperty(SupportsGet = true)] public string? Bsn { get; set; }
    public ResidentDataExport? Export { get; private set; }

    /// <summary>The BSN comes by POST only: in a URL it would end up in logs and the browser history. One in the query string is not used.</summary>
    public void OnGet()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Bsn)) return;
        Bsn = null;
        ModelState.AddModelError(nameof(Bsn), Audit.IndexModel.BsnNotInUrl);
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Bsn))
        {
            ModelState.AddModelError(nameof(Bsn), "Vul het BSN van de inwoner in.");
            return;
        }
        var result = await service.ExportAsync(Bsn, ct);
        if (result.IsValid) Export = result.Value;
        else ModelState.AddModelError(nameof(Bsn), result.Error!.Message);
    }

    /// <summary>Erasure on request (AVG art. 17), where no legal retention duty stands in the way.</summary>
    public async Task<IActionResult> OnPostWissenAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var bsn = Domain.Registry.Bsn.Parse(Bsn, nameof(Bsn));
        var personId = bsn.IsValid
            ? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Persons.Where(p => p.Bsn == bsn.Value.Value).Select(p => (Guid?)p.Id), ct)
            : null;
        if (personId is null)
        {
            ModelState.AddModelError(nameof(Bsn), bsn.IsValid ? "Regie heeft geen gegevens van een inwoner met dit BSN." : bsn.Error!.Message);
            return Page();
        }
        var result = await retention.EraseOnRequestAsync(personId.Value, Reden, ct);
        if (!result.IsValid)
        {
            ModelState.AddModelError(nameof(Reden), result.Error!.Message);
            Export = (await service.ExportAsync(Bsn, ct)).Value;
            return Page();
        }
        Melding = "De gegevens van deze inwoner zijn gewist. Het wissen staat in de audittrail.";
        return Page();
    }

    public async Task<IActionResult> OnPostJsonAsync(CancellationToken ct)
    {
        var result = await service.ExportAsync(Bsn, ct);
        if (!result.IsValid) return BadRequest(result.Error!.Message);
        return File(JsonSerializer.SerializeToUtf8Bytes(result.Value, Json), "application/json", $"inzage-{DateTime.UtcNow:yyyyMMdd}.json");
    }
}
