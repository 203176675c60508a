using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.SocialMap;

/// <summary><c>socialmap import|export|postcodes</c>.</summary>
public static class SocialMapCommands
{
    public static Command Create(CliHost cli)
    {
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Infrastructure.Demo.DemoSeeder.Gemeentecode };
        var source = new Argument<string>("bestand-of-map") { Description = "HSDS JSON, een CSV-datapakket als .zip of als map, of één CSV-tabel" };
        var import = new Command("import", "Lees een HSDS 3.0-bestand of -map in de sociale kaart; alles of niets. Exitcode 3: het bestand is afgewezen, er is niets gewijzigd.") { source, gemeente };
        import.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var path = pr.GetValue(source)!;
            sp.GetRequiredService<CurrentUser>().ActAs(pr.GetValue(gemeente)!, "cli", "Beheer via de opdrachtregel");
            var exchange = sp.GetRequiredService<SocialMapExchange>();
            ImportReport report;
            if (Directory.Exists(path)) report = await exchange.ImportFolderAsync(path, ct);
            else if (File.Exists(path))
            {
                await using var stream = File.OpenRead(path);
                report = await exchange.ImportFileAsync(Path.GetFileName(path), stream, ct);
            }
            else
            {
                Console.Error.WriteLine($"Bestand of map niet gevonden: {path}");
                return 2;
            }
            foreach (var issue in report.Issues) (issue.IsError ? Console.Error : Console.Out).WriteLine(issue);
            Console.WriteLine(report.Summary);
            return report.Ok ? 0 : 3;
        }));

        var target = new Argument<DirectoryInfo>("map") { Description = "Map voor het CSV-datapakket en de HSDS JSON" };
        var export = new Command("export", "Schrijf de sociale kaart als HSDS 3.0: CSV-datapakket (datapackage.json en een CSV per tabel) en hsds.json. Exitcode 3: niet geschreven.") { target, gemeente };
        export.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var dir = pr.GetValue(target)!;
            dir.Create();
            sp.GetRequiredService<CurrentUser>().ActAs(pr.GetValue(gemeente)!, "cli", "Beheer via de opdrachtregel");
            var exchange = sp.GetRequiredService<SocialMapExchange>();
            var (files, check) = await exchange.ExportPackageAsync(ct);
            foreach (var (name, content) in files) await File.WriteAllBytesAsync(Path.Combine(dir.FullName, name), content, ct);
            var json = await exchange.ExportTabularAsync(ct);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "hsds.json"), json.ToJsonString(HsdsJson.Indented), ct);
            Console.WriteLine($"Geschreven naar {dir.FullName}: {files.Count} bestanden en hsds.json.");
            if (!sp.GetRequiredService<HsdsSchemaCheck>().Available)
                Console.WriteLine("Niet gecontroleerd tegen de HSDS-schema's: stel SocialMap:HsdsSchemaDirectory in.");
            else if (check.Count == 0) Console.WriteLine("Gecontroleerd tegen de HSDS 3.0-schema's: geldig.");
            else
            {
                foreach (var issue in check.Take(50)) Console.Error.WriteLine(issue);
                return 3;
            }
            return 0;
        }));

        var file = new Argument<FileInfo>("bestand") { Description = "CSV met kopregel: pc4;breedtegraad;lengtegraad;naam" };
        var postcodes = new Command("postcodes", "Lees het midden van de postcodegebieden (PC4) van de gemeente in, voor afstanden op de sociale kaart. Exitcode 3: afgewezen, er is niets gewijzigd.") { file, gemeente };
        postcodes.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var path = pr.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Bestand niet gevonden: {path.FullName}");
                return 2;
            }
            sp.GetRequiredService<CurrentUser>().ActAs(pr.GetValue(gemeente)!, "cli", "Beheer via de opdrachtregel");
            using var reader = path.OpenText();
            var result = await sp.GetRequiredService<ImportPostcodeAreasHandler>().HandleAsync(reader, ct);
            foreach (var r in result.Rejected) Console.Error.WriteLine(r);
            Console.WriteLine(result.Rejected.Count == 0 ? $"Ingelezen: {result.Imported} postcodegebieden." : "Niet ingelezen; er is niets gewijzigd.");
            return result.Rejected.Count == 0 ? 0 : 3;
        }));
        return new Command("socialmap", "De sociale kaart (Open Referral HSDS 3.0).") { import, export, postcodes };
    }
}
