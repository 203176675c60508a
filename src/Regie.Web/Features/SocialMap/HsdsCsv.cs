using CsvHelper;
using CsvHelper.Configuration;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.SocialMap;

/// <summary>
/// The HSDS CSV data package: one CSV file per table (organizations.csv, services.csv, …) and a
/// datapackage.json that lists them. Read from a folder or a zip; written to a folder or a zip.
/// </summary>
public static class HsdsCsv
{
    public const string DataPackage = "datapackage.json";
    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture) { DetectDelimiter = false, TrimOptions = TrimOptions.None };

    /// <summary>The package's files by name (a folder's or a zip's); names are compared case-insensitively.</summary>
    public static void Read(IReadOnlyDictionary<string, Func<Stream>> files, HsdsDataset into, List<HsdsIssue> issues)
    {
        var byName = files.ToDictionary(f => Path.GetFileName(f.Key), f => f.Value, StringComparer.OrdinalIgnoreCase);
        var tables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (byName.TryGetValue(DataPackage, out var package))
        {
            using var reader = new StreamReader(package(), Encoding.UTF8);
            var text = reader.ReadToEnd();
            try
            {
                foreach (var resource in JsonNode.Parse(text)?["resources"]?.AsArray() ?? [])
                    if (resource?["path"]?.GetValue<string>() is { } path && HsdsCatalog.TableOfFile(Path.GetFileName(path)) is { } table)
                        tables[Path.GetFileName(path)] = table.Name;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                issues.Add(new HsdsIssue(false, DataPackage, "Geen geldige datapackage.json; de bestanden zijn herkend aan hun standaardnaam (services.csv, …)."));
            }
        }
        foreach (var name in byName.Keys.Where(n => n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
            if (!tables.ContainsKey(name))
            {
                if (HsdsCatalog.TableOfFile(name) is { } table) tables[name] = table.Name;
                else issues.Add(new HsdsIssue(false, name, "Geen HSDS-tabel: overgeslagen."));
            }
        if (tables.Count == 0)
        {
            issues.Add(new HsdsIssue(true, "pakket", "Geen HSDS-bestanden gevonden (organizations.csv, services.csv, …)."));
            return;
        }
        // Tables in the standard's order, so a report lists organizations before the services that point at them.
        foreach (var def in HsdsCatalog.Tables)
            foreach (var (file, _) in tables.Where(t => t.Value == def.Name))
                if (byName.TryGetValue(file, out var open)) ReadTable(def, file, open, into, issues);
                else issues.Add(new HsdsIssue(true, file, "Staat in datapackage.json maar ontbreekt in het pakket."));
    }

    private static void ReadTable(HsdsTable table, string file, Func<Stream> open, HsdsDataset into, List<HsdsIssue> issues)
    {
        using var reader = new StreamReader(open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, Config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader()) return;
        }
        catch (CsvHelperException e)
        {
            issues.Add(new HsdsIssue(true, file, $"Onleesbare kopregel: {e.Message}"));
            return;
        }
        var header = csv.HeaderRecord ?? [];
        if (!header.Contains("id"))
        {
            issues.Add(new HsdsIssue(true, file, "De kolom id ontbreekt."));
            return;
        }
        while (true)
        {
            try
            {
                if (!csv.Read()) break;
            }
            catch (CsvHelperException e)
            {
                issues.Add(new HsdsIssue(true, file, $"Onleesbare regel: {e.Message}"));
                break;
            }
            var line = csv.Parser.Row;
            var where = $"{file} regel {line}";
            var row = new JsonObject();
            for (var i = 0; i < header.Length; i++)
            {
                var cell = csv.GetField(i);
                if (string.IsNullOrEmpty(cell)) continue;
                var field = table.Field(header[i]);
                if (field?.Type == HsdsType.Number)
                {
                    if (decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) row[header[i]] = number;
                    else issues.Add(new HsdsIssue(true, $"{where}, {header[i]}", $"'{cell}' is geen getal (gebruik een punt als decimaalteken)."));
                }
                else row[header[i]] = cell;
            }
            if (HsdsValues.IdOf(row["id"]) is { } id) into.Merge(table.Name, id, row, where, issues);
            else issues.Add(new HsdsIssue(true, $"{where}, id", row["id"] is null ? "Het id ontbreekt." : $"Het id '{row["id"]}' is geen uuid."));
        }
    }

    public static Dictionary<string, Func<Stream>> FolderFiles(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => (Func<Stream>)(() => File.OpenRead(f)), StringComparer.OrdinalIgnoreCase);

    public const string ZipTooLargeCode = "socialmap-zip-too-large";

    /// <summary>
    /// A zip's files by name; the package may sit in a folder inside the zip. Read within <paramref name="limits"/>:
    /// the sizes a zip declares are the sender's word, so the bytes actually unpacked are counted and reading stops
    /// at the first byte past a limit (<see cref="ZipTooLargeException"/>), before the rest is unpacked.
    /// </summary>
    public static Dictionary<string, Func<Stream>> ZipFiles(ZipArchive zip, SocialMapOptions limits)
    {
        var result = new Dictionary<string, Func<Stream>>(StringComparer.OrdinalIgnoreCase);
        if (zip.Entries.Count > limits.MaxZipEntries)
            throw new ZipTooLargeException($"Het zip-bestand bevat {zip.Entries.Count} bestanden; ten hoogste {limits.MaxZipEntries} zijn toegestaan. Er is niets ingelezen.");
        var total = 0L;
        var chunk = new byte[81920];
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var bytes = new MemoryStream();
            using (var s = entry.Open())
            {
                int n;
                while ((n = s.Read(chunk)) > 0)
                {
                    if (bytes.Length + n > limits.MaxZipEntryBytes) throw EntryTooLarge(entry.FullName, limits);
                    total += n;
                    if (total > limits.MaxUncompressedBytes)
                        throw new ZipTooLargeException($"Het zip-bestand is uitgepakt groter dan {SocialMapOptions.Size(limits.MaxUncompressedBytes)}, de grens van deze installatie. Er is niets ingelezen.");
                    bytes.Write(chunk, 0, n);
                }
            }
            if (bytes.Length == 0) continue;
            var content = bytes.ToArray();
            result.TryAdd(entry.Name, () => new MemoryStream(content, writable: false));
        }
        return result;
    }

    private static ZipTooLargeException EntryTooLarge(string name, SocialMapOptions limits) =>
        new($"{name} in het zip-bestand is uitgepakt groter dan {SocialMapOptions.Size(limits.MaxZipEntryBytes)}, de grens per bestand van deze installatie. Er is niets ingelezen.");

    /// <summary>Every table as a CSV file (also empty ones, with their header) and a datapackage.json describing them.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Write(HsdsDataset data)
    {
        var files = new List<(string, byte[])>();
        var resources = new JsonArray();
        foreach (var table in HsdsCatalog.Tables)
        {
            var rows = HsdsJson.Ordered(data, table.Name).Select(r => HsdsValues.Flat(table, r.Row)).ToList();
            var extra = rows.SelectMany(r => r.Select(p => p.Key)).Where(k => table.Field(k) is null).Distinct().ToList();
            var columns = table.Fields.Select(f => f.Name).Concat(extra).ToList();
            using var buffer = new MemoryStream();
            using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
            using (var csv = new CsvWriter(writer, Config))
            {
                foreach (var c in columns) csv.WriteField(c);
                csv.NextRecord();
                foreach (var row in rows)
                {
                    foreach (var c in columns) csv.WriteField(Cell(row[c]));
                    csv.NextRecord();
                }
            }
            files.Add((table.File, buffer.ToArray()));
            resources.Add(new JsonObject
            {
                ["name"] = table.ResourceName,
                ["path"] = table.File,
                ["profile"] = "tabular-data-resource",
                ["format"] = "csv",
                ["mediatype"] = "text/csv",
                ["encoding"] = "utf-8",
                ["schema"] = new JsonObject
                {
                    ["fields"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
                    {
                        ["name"] = c,
                        ["type"] = table.Field(c)?.Type == HsdsType.Number ? "number" : "string",
                    })]),
                    ["primaryKey"] = "id",
                },
            });
        }
        var package = new JsonObject
        {
            ["name"] = "sociale-kaart",
            ["title"] = "Sociale kaart (Open Referral HSDS 3.0)",
            ["profile"] = "tabular-data-package",
            ["resources"] = resources,
        };
        files.Insert(0, (DataPackage, Encoding.UTF8.GetBytes(package.ToJsonString(HsdsJson.Indented))));
        return files;
    }

    private static string Cell(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => value.ToJsonString(),
    };

    public static byte[] Zip(IReadOnlyList<(string Name, byte[] Content)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in files)
            {
                // A fixed time: the same social map gives the same zip.
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var s = entry.Open();
                s.Write(content);
            }
        return buffer.ToArray();
    }
}
