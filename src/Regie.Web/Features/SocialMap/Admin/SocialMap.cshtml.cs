using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Text;

namespace Regie.Web.Features.SocialMap.Admin;

/// <summary>The functional admin's social map: import and export HSDS, the export check, marking services, the postcode table.</summary>
public sealed class SocialMapModel(SocialMapExchange exchange, SocialMapAdminQueries queries, ImportPostcodeAreasHandler postcodes, HsdsSchemaCheck schemas) : PageModel
{
    public IReadOnlyList<ServiceOverview> Services { get; private set; } = [];
    public int PostcodeAreas { get; private set; }
    public ImportReport? Report { get; private set; }
    public IReadOnlyList<HsdsIssue>? Check { get; private set; }
    public bool SchemasAvailable => schemas.Available;
    public PostcodeImportResult? Postcodes { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? bestand, CancellationToken ct)
    {
        if (bestand is null || bestand.Length == 0) Report = new ImportReport(0, 0, [new HsdsIssue(true, "bestand", "Kies een bestand om in te lezen.")]);
        else
        {
            await using var stream = bestand.OpenReadStream();
            Report = await exchange.ImportFileAsync(bestand.FileName, stream, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        Check = await exchange.CheckExportAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPostcodesAsync(IFormFile? bestand, CancellationToken ct)
    {
        if (bestand is null || bestand.Length == 0) Postcodes = new PostcodeImportResult(0, ["Kies een CSV-bestand met postcodegebieden."]);
        else
        {
            using var reader = new StreamReader(bestand.OpenReadStream(), Encoding.UTF8);
            Postcodes = await postcodes.HandleAsync(reader, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The CSV data package as a zip.</summary>
    public async Task<IActionResult> OnGetPackageAsync(CancellationToken ct)
    {
        var (files, _) = await exchange.ExportPackageAsync(ct);
        return File(HsdsCsv.Zip(files), "application/zip", "sociale-kaart-hsds.zip");
    }

    /// <summary>The whole social map as HSDS JSON (the standard's tabular shape).</summary>
    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        var json = await exchange.ExportTabularAsync(ct);
        return File(Encoding.UTF8.GetBytes(json.ToJsonString(HsdsJson.Indented)), "application/json", "sociale-kaart-hsds.json");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Services = await queries.ServicesAsync(ct);
        PostcodeAreas = await queries.PostcodeAreaCountAsync(ct);
    }
}
