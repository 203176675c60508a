using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Audit;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Involvements;
using Regie.Web.Infrastructure;

namespace Regie.Web.Tests;

/// <summary>
/// The look-up's audit entries go through this server's journal on disk (PostgreSQL): durable before the
/// answer, in the chained trail after the drain, exactly once, and nothing a crash left behind is lost or doubled.
/// </summary>
public sealed class AuditJournalTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "regie-journal-" + Guid.NewGuid().ToString("N"));
    private TestApp _app = default!;

    public async Task InitializeAsync()
    {
        // What a crash left: a finished segment with one whole entry and half of the next, never acknowledged.
        Directory.CreateDirectory(_dir);
        var left = new AuditContent(AuditChain.Normalise(DateTime.UtcNow.AddMinutes(-5)), TestApp.Gemeentecode, "wonen", "Wonen", Roles.Afdeling, "Wonen",
            AuditActions.Lookup, AuditResources.Involvement, null, null, "voor de storing", "betrokkenheid opgevraagd: 0 betrokken");
        await File.WriteAllTextAsync(Path.Combine(_dir, "0000000000000000001" + AuditJournal.Extension), JsonSerializer.Serialize(left) + "\n{\"OccurredAt\":\"2026-");
        // And a segment that was being prepared: never part of the journal, whatever it holds.
        await File.WriteAllTextAsync(Path.Combine(_dir, "segment.next"), JsonSerializer.Serialize(left with { Purpose = "nooit bevestigd" }) + "\n");
        _app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Audit:Journal:Enabled"] = "true", ["Audit:Journal:Path"] = _dir, ["Audit:Journal:DrainIntervalMilliseconds"] = "3600000",
            // Small segments, so the 40 look-ups below fill several and the drain must follow them in order.
            ["Audit:Journal:SegmentBytes"] = "4096",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<string> LookUpAsync(string purpose)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "wonen", "Wonen", Roles.Afdeling, organisation: "Wonen");
        var bsn = TestApp.NextBsn();
        Assert.True((await scope.ServiceProvider.GetRequiredService<InvolvementLookup>().LookupAsync(bsn, purpose, default)).IsOk);
        return bsn;
    }

    private async Task<List<string?>> TrailAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.Where(e => e.Action == AuditActions.Lookup).OrderBy(e => e.Id).Select(e => e.Purpose).ToListAsync();
    }

    [Fact]
    public async Task Lookup_audit_is_durable_on_disk_before_the_answer_and_reaches_the_chained_trail_exactly_once()
    {
        var journal = _app.Services.GetRequiredService<AuditJournal>();
        var drain = _app.Services.GetRequiredService<AuditJournalDrain>();
        if (_app.Database.Provider != DatabaseProvider.Postgres)
        {
            // SQLite: no journal, every look-up is in the trail when it answers.
            Assert.False(journal.Enabled);
            await LookUpAsync("zonder journaal");
            Assert.Equal(["zonder journaal"], await TrailAsync());
            return;
        }
        Assert.True(journal.Enabled);

        // Ops sees on /health that the journal reaches the trail (the drain's first pass runs at start).
        using (var client = _app.AnonymousClient())
        {
            var health = "";
            for (var i = 0; i < 100 && !health.Contains("auditjournaal wordt bijgewerkt", StringComparison.Ordinal); i++)
            {
                health = await client.GetStringAsync("/health");
                await Task.Delay(50);
            }
            Assert.Contains("auditjournaal wordt bijgewerkt", health, StringComparison.Ordinal);
        }

        // The crash's whole entry is moved (at start or now), its half line is not, and the old segment is gone.
        await drain.DrainAsync(default);
        Assert.Equal(["voor de storing"], await TrailAsync());
        Assert.False(File.Exists(Path.Combine(_dir, "0000000000000000001" + AuditJournal.Extension)));

        // Answered: the entry is on disk, not yet in the trail.
        var asked = await LookUpAsync("aanvraag urgentieverklaring");
        var onDisk = string.Concat(journal.Segments().Select(s => File.ReadAllText(journal.PathOf(s))));
        Assert.Contains("aanvraag urgentieverklaring", onDisk, StringComparison.Ordinal);
        Assert.Equal(["voor de storing"], await TrailAsync());

        // Many at once share writes; all of them reach the trail, once, in a chain that holds.
        for (var wave = 0; wave < 4; wave++)
            await Task.WhenAll(Enumerable.Range(wave * 10, 10).Select(i => LookUpAsync($"controle {i}")));
        Assert.True(journal.Segments().Count > 1);
        Assert.Equal(41, await drain.DrainAsync(default));
        // Finished segments are deleted once they are in the trail; only the one being written may stay.
        Assert.All(journal.Segments(), segment => Assert.Equal(journal.CurrentSegment, segment));
        Assert.Equal(0, await drain.DrainAsync(default));
        var trail = await TrailAsync();
        Assert.Equal(42, trail.Count);
        Assert.Equal(42, trail.Distinct().Count());
        Assert.Equal("aanvraag urgentieverklaring", trail[1]);
        await using (var scope = _app.Scope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            Assert.True(AuditChain.Check(entries.Select(AuditLog.ToChained)).Intact);
            // The BSN asked about travels through the journal into the trail.
            Assert.Equal(asked, entries.Single(e => e.Purpose == "aanvraag urgentieverklaring").SubjectBsn);
            var checkpoint = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditJournalCheckpoints.SingleAsync();
            Assert.Equal(journal.Id, checkpoint.Journal);
            Assert.True(checkpoint.Offset > 0);
        }

        // Without a flush before the answer (the privacy officer's choice): the entry is in the file when the call returns, flushed soon after.
        var quick = Path.Combine(_dir, "zonder-flush");
        using (var unflushed = new AuditJournal(new AuditJournalOptions { Path = quick, FlushBeforeAnswer = false }, _app.Services.GetRequiredService<DatabaseOptions>()))
        {
            var entry = new AuditContent(AuditChain.Normalise(DateTime.UtcNow), TestApp.Gemeentecode, "wonen", "Wonen", Roles.Afdeling, "Wonen",
                AuditActions.Lookup, AuditResources.Involvement, null, null, "snel", "betrokkenheid opgevraagd: 0 betrokken");
            Assert.True(unflushed.AppendAsync(entry, default).IsCompletedSuccessfully);
            using var read = new FileStream(unflushed.PathOf(unflushed.CurrentSegment!), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var bytes = new byte[4096];
            var n = read.Read(bytes);
            Assert.Equal(entry, JsonSerializer.Deserialize<AuditContent>(bytes.AsSpan(0, Array.IndexOf(bytes, (byte)'\n', 0, n))));
        }

        // A second server pointed at the same directory is refused: two writers would mix their segments.
        using var second = new AuditJournal(new AuditJournalOptions { Path = _dir }, _app.Services.GetRequiredService<DatabaseOptions>());
        Assert.Contains("in gebruik", Assert.Throws<InvalidOperationException>(() => second.Id).Message, StringComparison.Ordinal);
    }
}
