using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.SocialMap;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record ImportReport(int Added, int Updated, IReadOnlyList<HsdsIssue> Issues)
{
    public bool Ok => Errors.Count == 0;
    public IReadOnlyList<HsdsIssue> Errors => Issues.Where(i => i.IsError).ToList();
    public IReadOnlyList<HsdsIssue> Warnings => Issues.Where(i => !i.IsError).ToList();

    public string Summary => Ok
        ? $"Ingelezen: {Added} nieuw, {Updated} bijgewerkt{(Warnings.Count > 0 ? $", {Warnings.Count} opmerking(en)" : "")}."
        : $"Niet ingelezen: {Errors.Count} fout(en). Er is niets opgeslagen.";
}

/// <summary>
/// Import and export of the social map in HSDS 3.0: JSON (every shape of the standard's examples) and the
/// CSV data package (a folder or a zip). An import is all or nothing: any error, and nothing is stored.
/// </summary>
public sealed class SocialMapExchange(HsdsStore store, HsdsAgbCodes agbCodes, CurrentUser user, AuditLog audit, HsdsSchemaCheck schemas, SocialMapOptions options)
{
    public const string ImportInvalidCode = "socialmap-import-invalid";

    /// <summary>A file as uploaded: .json (any HSDS shape), .zip (a CSV data package) or one .csv table.</summary>
    public async Task<ImportReport> ImportFileAsync(string fileName, Stream content, CancellationToken ct)
    {
        var data = new HsdsDataset();
        var issues = new List<HsdsIssue>();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (extension)
        {
            case ".json":
                using (var reader = new StreamReader(content, Encoding.UTF8)) HsdsJson.Read(await reader.ReadToEndAsync(ct), fileName, data, issues);
                break;
            case ".zip":
                try
                {
                    using var zip = new ZipArchive(content, ZipArchiveMode.Read);
                    HsdsCsv.Read(HsdsCsv.ZipFiles(zip, options), data, issues);
                }
                catch (ZipTooLargeException e)
                {
                    issues.Add(new HsdsIssue(true, fileName, e.Message, HsdsCsv.ZipTooLargeCode));
                }
                catch (InvalidDataException)
                {
                    issues.Add(new HsdsIssue(true, fileName, "Geen geldig zip-bestand."));
                }
                break;
            case ".csv":
                var bytes = new MemoryStream();
                await content.CopyToAsync(bytes, ct);
                HsdsCsv.Read(new Dictionary<string, Func<Stream>> { [Path.GetFileName(fileName)] = () => new MemoryStream(bytes.ToArray()) }, data, issues);
                break;
            default:
                issues.Add(new HsdsIssue(true, fileName, "Kies een HSDS-bestand: .json, een CSV-datapakket als .zip, of één tabel als .csv."));
                break;
        }
        return await FinishAsync(fileName, data, issues, ct);
    }

    /// <summary>A folder: a CSV data package, or else every .json file in it.</summary>
    public async Task<ImportReport> ImportFolderAsync(string folder, CancellationToken ct)
    {
        var data = new HsdsDataset();
        var issues = new List<HsdsIssue>();
        var files = HsdsCsv.FolderFiles(folder);
        if (files.Keys.Any(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))) HsdsCsv.Read(files, data, issues);
        else
        {
            var json = files.Keys.Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            if (json.Count == 0) issues.Add(new HsdsIssue(true, folder, "Geen HSDS-bestanden in deze map (CSV-datapakket of .json)."));
            foreach (var f in json) HsdsJson.Read(await File.ReadAllTextAsync(Path.Combine(folder, f), ct), f, data, issues);
        }
        return await FinishAsync(Path.GetFileName(folder.TrimEnd('/', '\\')), data, issues, ct);
    }

    private async Task<ImportReport> FinishAsync(string source, HsdsDataset data, List<HsdsIssue> issues, CancellationToken ct)
    {
        if (user.Gemeentecode is not { Length: 4 } gemeentecode)
            return new ImportReport(0, 0, [new HsdsIssue(true, source, "Geen gemeente: een import hoort bij één gemeente.")]);
        if (!issues.Any(i => i.IsError))
        {
            var stored = await store.StoredIdsAsync(ct);
            HsdsRules.Check(data, (table, id) => stored[table].Contains(id), issues);
            store.CheckLengths(data, issues);
        }
        var agb = issues.Any(i => i.IsError) ? [] : await agbCodes.ReadAsync(data, issues, ct);
        if (data.Count == 0 && !issues.Any(i => i.IsError) && !issues.Any())
            issues.Add(new HsdsIssue(false, source, "Het bestand bevat geen gegevens."));
        if (issues.Any(i => i.IsError)) return new ImportReport(0, 0, issues);

        var (added, updated) = data.Count == 0 ? (0, 0) : await store.SaveAsync(data, gemeentecode, ct, agb);
        await audit.RecordAsync(AuditActions.Create, AuditResources.SocialMap, detail: $"import {source}: {added} nieuw, {updated} bijgewerkt", ct: ct);
        foreach (var code in agb)
        {
            var detail = $"AGB-code van {code.OrganisationName}: {code.Code} (import {source})";
            await audit.RecordAsync(AuditActions.Update, AuditResources.Organisation, detail: detail, ct: ct);
        }
        return new ImportReport(added, updated, issues);
    }

    /// <summary>The CSV data package of the whole social map, checked against the standard's schemas where they are available.</summary>
    public async Task<(IReadOnlyList<(string Name, byte[] Content)> Files, IReadOnlyList<HsdsIssue> Check)> ExportPackageAsync(CancellationToken ct)
    {
        var data = await store.LoadAsync(ct);
        var check = schemas.Available ? await schemas.CheckTabularAsync(HsdsJson.Tabular(data), "export") : [];
        await audit.RecordAsync(AuditActions.Export, AuditResources.SocialMap, detail: $"CSV-datapakket, {data.Count} records", ct: ct);
        return (HsdsCsv.Write(data), check);
    }

    /// <summary>The whole social map as one JSON document in the tabular shape (lossless).</summary>
    public async Task<JsonObject> ExportTabularAsync(CancellationToken ct)
    {
        var data = await store.LoadAsync(ct);
        await audit.RecordAsync(AuditActions.Export, AuditResources.SocialMap, detail: $"HSDS JSON, {data.Count} records", ct: ct);
        return HsdsJson.Tabular(data);
    }

    /// <summary>The export check for the functional admin: every record as the standard's JSON shapes, against its schemas.</summary>
    public async Task<IReadOnlyList<HsdsIssue>?> CheckExportAsync(CancellationToken ct)
    {
        if (!schemas.Available) return null;
        var data = await store.LoadAsync(ct);
        var issues = new List<HsdsIssue>(await schemas.CheckTabularAsync(HsdsJson.Tabular(data), "CSV-datapakket"));
        foreach (var id in data.Rows(HsdsCatalog.Service).Keys)
            issues.AddRange(await schemas.CheckFullAsync(HsdsCatalog.Service, HsdsJson.Full(data, HsdsCatalog.Service, id), $"service {id}"));
        foreach (var id in data.Rows(HsdsCatalog.Organization).Keys)
            issues.AddRange(await schemas.CheckFullAsync(HsdsCatalog.Organization, HsdsJson.Full(data, HsdsCatalog.Organization, id), $"organization {id}"));
        return issues;
    }
}
