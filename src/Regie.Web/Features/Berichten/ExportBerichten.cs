using Microsoft.EntityFrameworkCore;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Regie.Web.Features.Berichten;

/// <summary>What an export did: the files written now, the files of an earlier interrupted run finished, and the messages it could not write.</summary>
public sealed record ExportResult(IReadOnlyList<string> Geschreven, IReadOnlyList<string> Afgerond, IReadOnlyList<string> NietGeschreven);

/// <summary>
/// <c>berichten export DIR</c>: every 301 that is ready (<see cref="BerichtStatus.Klaar"/>) goes to DIR as one file, for the
/// municipality's connection to the hub (GGK, or VECOZO) to pick up, and is marked sent.
/// <para>
/// File name: <c>&lt;Soort&gt;_&lt;Gemeentecode&gt;_&lt;AGB-code ontvanger&gt;_&lt;Identificatie&gt;_&lt;jjjjMMdd dagtekening&gt;.xml</c>, e.g.
/// <c>WMO301_0999_12345678_000000000042_20261207.xml</c>. The iStandaarden prescribe the message, not the name of a file; the hubs
/// route by the header inside. Regie names a file after the header's keys (kind, sender, receiver, identification, date) so an
/// operator finds a message by its name and no two messages can share one: the identification is unique per municipality (TR056).
/// </para>
/// <para>
/// A file written but not marked, or marked but not written, must not happen silently. Each message is written under a temporary
/// name (<c>.NAME.RUN.tmp</c>, which the hub does not pick up), then marked sent and saved with its concurrency token, and only then
/// renamed to its final name. A crash before the save leaves a temporary file and a ready message: the next run writes it again.
/// A crash between the save and the rename leaves a sent message with a temporary file: the next run finishes the rename
/// (<see cref="ExportResult.Afgerond"/>). Two runs at once: the second one's save fails on the token and it removes its own file.
/// Files are readable by their owner only (0600): they hold the client's BSN, name and address.
/// </para>
/// </summary>
public sealed partial class ExportBerichtenHandler(RegieDbContext db, AuditLog audit, TimeProvider clock)
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string FileName(IstandaardBericht b, string agb) =>
        $"{b.Soort}_{b.Gemeentecode}_{agb}_{Safe().Replace(b.Identificatie, "")}_{b.Dagtekening.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xml";

    public async Task<ExportResult> ExportAsync(string directory, CancellationToken ct)
    {
        var finished = await FinishInterruptedAsync(directory, ct);
        var written = new List<string>();
        var failed = new List<string>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var ready = await db.IstandaardBerichten
            .Where(b => b.Richting == BerichtRichting.Uit && b.Status == BerichtStatus.Klaar)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).ToListAsync(ct);
        var providerIds = ready.Select(b => b.OrganisationId).Distinct().ToList();
        var agbs = await db.Organisations.AsNoTracking().Where(o => providerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.AgbCode, ct);
        foreach (var b in ready)
        {
            if (b.Xml is null || agbs.GetValueOrDefault(b.OrganisationId) is not { } agb)
            {
                failed.Add($"{b.Soort} {b.Identificatie}: {(b.Xml is null ? "geen XML" : "de aanbieder heeft geen AGB-code")}");
                continue;
            }
            var name = FileName(b, agb);
            var final = Path.Combine(directory, name);
            if (File.Exists(final))
            {
                // Never overwrite: a file of that name that is not this message is someone else's to look at.
                failed.Add($"{name}: er staat al een bestand met deze naam");
                continue;
            }
            var temp = Path.Combine(directory, $".{name}.{run}.tmp");
            try
            {
                await WriteAsync(temp, b.Xml, ct);
            }
            catch (IOException e)
            {
                if (File.Exists(temp)) File.Delete(temp);
                failed.Add($"{name}: niet geschreven ({e.Message})");
                continue;
            }
            b.MarkSent(name, clock.GetUtcNow().UtcDateTime);
            b.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another run sent it meanwhile: that run's file stands, this one's goes.
                File.Delete(temp);
                db.Entry(b).State = EntityState.Detached;
                failed.Add($"{name}: tegelijk door een andere export verzonden");
                continue;
            }
            var detail = $"bericht {b.Soort} {b.Identificatie} ({b.Id}) verzonden als {name}";
            await audit.RecordAsync(AuditActions.Export, AuditResources.IstandaardMessage, b.HouseholdId, b.PersonId, detail: detail, ct: ct);
            try
            {
                File.Move(temp, final);
            }
            catch (IOException e)
            {
                failed.Add($"{name}: verzonden, maar nog onder de tijdelijke naam {Path.GetFileName(temp)} ({e.Message}); de volgende export rondt dit af");
                continue;
            }
            written.Add(name);
        }
        return new ExportResult(written, finished, failed);
    }

    /// <summary>The temporary files of a run that stopped between saving and renaming: their message is sent, so the rename is finished now.</summary>
    private async Task<IReadOnlyList<string>> FinishInterruptedAsync(string directory, CancellationToken ct)
    {
        var temps = Directory.GetFiles(directory, ".*.tmp").Select(Path.GetFileName).Select(f => f!).ToList();
        if (temps.Count == 0) return [];
        var finished = new List<string>();
        foreach (var group in temps.GroupBy(t => TempTarget().Match(t) is { Success: true } m ? m.Groups[1].Value : null).Where(g => g.Key is not null))
        {
            var name = group.Key!;
            var message = await db.IstandaardBerichten.AsNoTracking()
                .FirstOrDefaultAsync(b => b.Richting == BerichtRichting.Uit && b.Status == BerichtStatus.Verzonden && b.FileName == name, ct);
            // A temporary file of a message still ready was never marked: the export below writes that message again.
            if (message is null) continue;
            var final = Path.Combine(directory, name);
            if (!File.Exists(final))
            {
                File.Move(Path.Combine(directory, group.First()), final);
                finished.Add(name);
                var detail = $"bericht {message.Soort} {message.Identificatie} ({message.Id}) verzonden als {name} (afgerond na een onderbroken export)";
                await audit.RecordAsync(AuditActions.Export, AuditResources.IstandaardMessage, message.HouseholdId, message.PersonId, detail: detail, ct: ct);
            }
            foreach (var left in group.Where(t => File.Exists(Path.Combine(directory, t)))) File.Delete(Path.Combine(directory, left));
        }
        return finished;
    }

    private static async Task WriteAsync(string path, string xml, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        await using var stream = new FileStream(path, options);
        // UTF-8 without a byte order mark: the standard's XML declares its encoding itself.
        var bytes = new UTF8Encoding(false).GetBytes(xml);
        await stream.WriteAsync(bytes, ct);
        stream.Flush(flushToDisk: true);
    }

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex Safe();

    [GeneratedRegex(@"^\.(.+\.xml)\.[0-9a-f]{8}\.tmp$")]
    private static partial Regex TempTarget();
}

/// <summary><c>berichten export</c>: the ready 301s to files for the hub.</summary>
public static class BerichtenExportCommand
{
    public static Command Create(CliHost cli)
    {
        var dir = new Argument<DirectoryInfo>("map") { Description = "De map waar de koppeling met het knooppunt (GGK of VECOZO) de berichten ophaalt" };
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Infrastructure.Demo.DemoSeeder.Gemeentecode };
        var export = new Command("export", "Schrijf elk bericht dat klaarstaat (de 301-toewijzingen) als bestand naar MAP, genoemd"
            + " SOORT_GEMEENTECODE_AGB_IDENTIFICATIE_JJJJMMDD.xml en alleen leesbaar voor de eigenaar, en zet het op verzonden. Nog eens uitvoeren schrijft"
            + " niets dubbel. Exitcode 3: een of meer berichten konden niet worden geschreven.") { dir, gemeente };
        export.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var path = pr.GetValue(dir)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Map niet gevonden: {path.FullName}");
                return 2;
            }
            var code = pr.GetValue(gemeente)!;
            sp.GetRequiredService<Infrastructure.CurrentUser>().ActAs(code, "cli", "Beheer via de opdrachtregel");
            var result = await sp.GetRequiredService<ExportBerichtenHandler>().ExportAsync(path.FullName, ct);
            foreach (var name in result.Geschreven) Console.WriteLine(name);
            Console.WriteLine($"Geschreven en verzonden: {result.Geschreven.Count}. Afgerond na een onderbroken export: {result.Afgerond.Count}."
                + $" Niet geschreven: {result.NietGeschreven.Count}.");
            foreach (var why in result.NietGeschreven) Console.Error.WriteLine($"Niet geschreven: {why}");
            return result.NietGeschreven.Count == 0 ? 0 : 3;
        }));
        return export;
    }
}
