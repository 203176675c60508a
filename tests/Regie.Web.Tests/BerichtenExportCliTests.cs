using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Berichten;

namespace Regie.Web.Tests;

/// <summary>Issue 23 point 4 from the admin CLI: the ready 301s to the hub's folder, each marked sent, nothing twice.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BerichtenExportCliTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string[] DatabaseArgs => [$"--Database:Provider={_app.Database.Provider}", $"--Database:ConnectionString={_app.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    [Fact]
    public async Task Admin_exports_exactly_the_ready_messages_named_for_the_hub_and_marks_them_sent_once()
    {
        var steps = new BerichtenSteps(_app);
        var d = await steps.DecidedAsync("Exporteer");
        var now = DateTime.UtcNow;
        var day = new DateOnly(2026, 11, 30);
        var first = BerichtenSteps.Outgoing(d, "000000000101", day, now.AddMinutes(-3));
        var second = BerichtenSteps.Outgoing(d, "000000000102", day, now.AddMinutes(-2));
        var sent = BerichtenSteps.Outgoing(d, "000000000103", day, now.AddMinutes(-4));
        sent.MarkSent("al-verzonden.xml", now.AddMinutes(-1));
        var invalid = BerichtenSteps.Outgoing(d, "000000000104", day, now, problemen: """["regel 3: het element Bsn ontbreekt"]""");
        var incoming = IstandaardBericht.Accepted(TestApp.Gemeentecode, BerichtSoorten.ByName("WMO305")!, d.Provider, "IN-1", day, d.Person, d.Household, null, "<Bericht/>", now);
        await steps.SaveAsync(first, second, sent, invalid, incoming);
        // Every ready outgoing message, also any Regie made itself when the desk decided.
        var expected = await InDbAsync(db => db.IstandaardBerichten.Where(b => b.Richting == BerichtRichting.Uit && b.Status == BerichtStatus.Klaar)
            .Select(b => b.Id).ToListAsync());
        Assert.Contains(first.Id, expected);
        Assert.Contains(second.Id, expected);
        // The 301 the decision made and the test's two: each export of the household's messages is on its trail.
        var ofHousehold = await InDbAsync(db => db.IstandaardBerichten.CountAsync(b => expected.Contains(b.Id) && b.HouseholdId == d.Household));
        Assert.Equal(3, ofHousehold);
        var dir = Directory.CreateTempSubdirectory("regie-berichten-").FullName;

        var (exit, output) = await ConsoleCollection.RunAsync(["berichten", "export", dir, .. DatabaseArgs]);

        Assert.True(exit == 0, output);
        Assert.Contains($"Geschreven en verzonden: {expected.Count}. Afgerond na een onderbroken export: 0. Niet geschreven: 0.", output, StringComparison.Ordinal);
        var firstName = $"WMO301_{TestApp.Gemeentecode}_{d.Agb}_000000000101_20261130.xml";
        var secondName = $"WMO301_{TestApp.Gemeentecode}_{d.Agb}_000000000102_20261130.xml";
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).ToList();
        Assert.Equal(expected.Count, files.Count);
        Assert.Contains(firstName, files);
        Assert.Contains(secondName, files);
        Assert.Equal(BerichtenSteps.Xml("000000000101"), await File.ReadAllTextAsync(Path.Combine(dir, firstName)));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var f in Directory.GetFiles(dir)) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f));
        }
        var after = await InDbAsync(db => db.IstandaardBerichten.AsNoTracking().Where(b => expected.Contains(b.Id) || b.Id == invalid.Id || b.Id == sent.Id || b.Id == incoming.Id)
            .ToDictionaryAsync(b => b.Id));
        Assert.All(expected, id => Assert.Equal(BerichtStatus.Verzonden, after[id].Status));
        Assert.Equal((firstName, true), (after[first.Id].FileName, after[first.Id].SentAt is not null));
        Assert.Equal(BerichtStatus.Afgewezen, after[invalid.Id].Status);
        Assert.Equal("al-verzonden.xml", after[sent.Id].FileName);
        Assert.Equal(BerichtStatus.Ontvangen, after[incoming.Id].Status);
        var exports = await InDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Export && e.Resource == AuditResources.IstandaardMessage && e.HouseholdId == d.Household));
        Assert.Equal(ofHousehold, exports);

        (exit, output) = await ConsoleCollection.RunAsync(["berichten", "export", dir, .. DatabaseArgs]);
        Assert.True(exit == 0, output);
        Assert.Contains("Geschreven en verzonden: 0. Afgerond na een onderbroken export: 0. Niet geschreven: 0.", output, StringComparison.Ordinal);
        Assert.Equal(expected.Count, Directory.GetFiles(dir).Length);

        (exit, output) = await ConsoleCollection.RunAsync(["berichten", "export", Path.Combine(dir, "bestaat-niet"), .. DatabaseArgs]);
        Assert.Equal(2, exit);
        Assert.Contains("Map niet gevonden", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_that_stopped_after_marking_a_message_sent_is_finished_by_the_next_run()
    {
        var steps = new BerichtenSteps(_app);
        var d = await steps.DecidedAsync("Onderbroken");
        var message = BerichtenSteps.Outgoing(d, "000000000201", new DateOnly(2026, 12, 1), DateTime.UtcNow);
        var name = ExportBerichtenHandler.FileName(message, d.Agb);
        message.MarkSent(name, DateTime.UtcNow);
        await steps.SaveAsync(message);
        var dir = Directory.CreateTempSubdirectory("regie-berichten-").FullName;
        // What a run leaves when it stops between saving and renaming: the message sent, its file under the temporary name.
        await File.WriteAllTextAsync(Path.Combine(dir, $".{name}.0a1b2c3d.tmp"), BerichtenSteps.Xml("000000000201"));
        // Written but never marked (it stopped before saving): left alone here, the message is ready and is written again.
        await File.WriteAllTextAsync(Path.Combine(dir, ".WMO301_0000_11111111_000000000299_20261201.xml.0a1b2c3d.tmp"), "<x/>");

        var (exit, output) = await ConsoleCollection.RunAsync(["berichten", "export", dir, .. DatabaseArgs]);

        Assert.True(exit == 0, output);
        Assert.Contains("Afgerond na een onderbroken export: 1.", output, StringComparison.Ordinal);
        Assert.Equal(BerichtenSteps.Xml("000000000201"), await File.ReadAllTextAsync(Path.Combine(dir, name)));
        Assert.False(File.Exists(Path.Combine(dir, $".{name}.0a1b2c3d.tmp")));
    }
}
