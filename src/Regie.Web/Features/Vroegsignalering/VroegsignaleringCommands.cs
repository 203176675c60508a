using Regie.Domain.Common;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary><c>vroegsignalering ddas</c>: the period's DDAS delivery for CBS as a file.</summary>
public static class VroegsignaleringCommands
{
    /// <summary>Exit code when the settings lack the DDAS contact: nothing is written.</summary>
    public const int SettingsIncomplete = 3;

    public static Command Create(CliHost cli)
    {
        var van = new Option<string>("--van") { Description = "Eerste dag van de periode (dd-mm-jjjj)", Required = true };
        var tot = new Option<string>("--tot") { Description = "Laatste dag van de periode, inclusief (dd-mm-jjjj)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Het JSON-bestand dat wordt geschreven", Required = true };
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Infrastructure.Demo.DemoSeeder.Gemeentecode };
        var ddas = new Command("ddas", "Schrijf de DDAS-levering aan het CBS (uitwisselmodel v0.9) over de periode: de signalen die van --van tot en met --tot"
            + " zijn ontvangen, hun zaken, contactpogingen en resultaten. Exitcode 2: de periode is niet goed; 3: de instellingen missen de DDAS-contactgegevens."
            + " In beide gevallen wordt er niets geschreven.") { van, tot, output, gemeente };
        ddas.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(pr.GetValue(gemeente)!, "cli", "Beheer via de opdrachtregel");
            var result = await sp.GetRequiredService<DdasReport>().BuildAsync(pr.GetValue(van), pr.GetValue(tot), DdasPurpose.File, ct);
            if (!result.IsOk)
            {
                foreach (var e in result.Errors) Console.Error.WriteLine(string.IsNullOrEmpty(e.Field) ? e.Message : $"--{e.Field}: {e.Message}");
                return result.Errors.Any(e => e.Code == DateRules.PeriodInvalidCode) ? RegieCli.NotUnderstood : SettingsIncomplete;
            }
            var file = pr.GetValue(output)!;
            file.Directory?.Create();
            // The delivery holds every signal's BSN, name and address: readable by its owner only, where the file system knows owners.
            await using (var stream = OperatingSystem.IsWindows() ? File.Create(file.FullName)
                : new FileStream(file.FullName, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
                await System.Text.Json.JsonSerializer.SerializeAsync(stream, result.Value!.Levering, DdasReport.FileJson, ct);
            var t = result.Value.Telling;
            Console.WriteLine($"DDAS-levering {DutchDate.Format(t.Van)} t/m {DutchDate.Format(t.Tot)} geschreven naar {file.FullName}: {t.Signalen} signalen,"
                + $" {t.Zaken} zaken ({t.Afgesloten} afgesloten), {t.Contactpogingen} contactpogingen.");
            return 0;
        }));
        return new Command("vroegsignalering", "Vroegsignalering: de DDAS-levering aan het CBS.") { ddas };
    }
}
