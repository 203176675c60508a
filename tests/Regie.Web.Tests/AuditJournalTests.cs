using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Regie.Domain.Audit;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Involvements;
using Regie.Web.Infrastructure;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// The look-up's audit entries go through this server's journal on disk (PostgreSQL): durable before the
/// answer, in the chained trail after the drain, exactly once, and nothing a crash left behind is lost or doubled.
/// </summary>
public sealed class AuditJournalTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "regie-journal-" + Guid.NewGuid().ToString("N"));
    private TestApp _app = default!;
    private string _crashed = default!;

    /// <summary>The key ring the test app uses (TestApp.KeysPath), for journals made before or beside the app.</summary>
    private static readonly IDataProtectionProvider Protection = DataProtectionProvider.Create(new DirectoryInfo(TestApp.KeysPath), b => b.SetApplicationName("Regie"));

    private static AuditJournal Journal(string path, bool flushBeforeAnswer = true) =>
        new(new AuditJournalOptions { Path = path, FlushBeforeAnswer = flushBeforeAnswer }, new DatabaseOptions { Provider = DatabaseProvider.Postgres },
            Protection, NullLogger<AuditJournal>.Instance);

    private static AuditContent Entry(string purpose) =>
        new(AuditChain.Normalise(DateTime.UtcNow.AddMinutes(-5)), TestApp.Gemeentecode, "wonen", "Wonen", Roles.Afdeling, "Wonen",
            AuditActions.Lookup, AuditResources.Involvement, null, null, purpose, "betrokkenheid opgevraagd: 0 betrokken");

    public async Task InitializeAsync()
    {
        // What a crash left: a finished segment with one whole entry and half of the next, never acknowledged.
        Directory.CreateDirectory(_dir);
        var left = Entry("voor de storing");
        using (var before = Journal(_dir)) await before.AppendAsync(left, default);
        _crashed = Directory.GetFiles(_dir, "*" + AuditJournal.Extension).Single();
        var written = await File.ReadAllBytesAsync(_crashed);
        await using (var file = new FileStream(_crashed, FileMode.Open, FileAccess.Write))
        {
            file.Seek(Array.IndexOf(written, (byte)0), SeekOrigin.Begin);
            await file.WriteAsync("{\"OccurredAt\":\"2026-"u8.ToArray());
        }
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
        Assert.False(File.Exists(_crashed));

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
        using (var unflushed = Journal(quick, flushBeforeAnswer: false))
        {
            var entry = new AuditContent(AuditChain.Normalise(DateTime.UtcNow), TestApp.Gemeentecode, "wonen", "Wonen", Roles.Afdeling, "Wonen",
                AuditActions.Lookup, AuditResources.Involvement, null, null, "snel", "betrokkenheid opgevraagd: 0 betrokken");
            Assert.True(unflushed.AppendAsync(entry, default).IsCompletedSuccessfully);
            using var read = new FileStream(unflushed.PathOf(unflushed.CurrentSegment!), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var bytes = new byte[4096];
            var n = read.Read(bytes);
            Assert.Equal(entry, JsonSerializer.Deserialize<AuditContent>(bytes.AsSpan(0, Array.IndexOf(bytes, (byte)'\t', 0, n))));
        }

        // A second server pointed at the same directory is refused: two writers would mix their segments.
        using var second = Journal(_dir);
        Assert.Contains("in gebruik", Assert.Throws<InvalidOperationException>(() => second.Id).Message, StringComparison.Ordinal);
    }

    private async Task<List<AuditEntry>> RejectedAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Action == AuditActions.JournalRejected).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>On PostgreSQL: the journal is on, and the crash's entry is in the trail. On SQLite: there is no journal to tamper with.</summary>
    private async Task<bool> JournalOnAsync()
    {
        var journal = _app.Services.GetRequiredService<AuditJournal>();
        if (_app.Database.Provider != DatabaseProvider.Postgres)
        {
            Assert.False(journal.Enabled);
            return false;
        }
        await _app.Services.GetRequiredService<AuditJournalDrain>().DrainAsync(default);
        Assert.Equal(["voor de storing"], await TrailAsync());
        return true;
    }

    /// <summary>The segment being written and its lines (with the position each starts at), up to the zeros after the last.</summary>
    private (string Path, string Segment, List<(long At, byte[] Bytes)> Lines) Current()
    {
        var journal = _app.Services.GetRequiredService<AuditJournal>();
        var segment = journal.CurrentSegment!;
        var bytes = File.ReadAllBytes(journal.PathOf(segment));
        var end = Array.IndexOf(bytes, (byte)0);
        var lines = new List<(long, byte[])>();
        for (var at = 0; at < end;)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', at);
            lines.Add((at, bytes[at..(newline + 1)]));
            at = newline + 1;
        }
        return (journal.PathOf(segment), segment, lines);
    }

    /// <summary>What someone with write access to the directory does: the file's lines replaced, zeros after them as before.</summary>
    private static void Rewrite(string path, params byte[][] lines)
    {
        var content = lines.SelectMany(l => l).ToArray();
        var used = Array.IndexOf(File.ReadAllBytes(path), (byte)0);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Write(content);
        if (used > content.Length) file.Write(new byte[used - content.Length]);
    }

    private async Task<string> JournalHealthAsync()
    {
        using var client = _app.AnonymousClient();
        var health = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("checks").GetProperty("audit-journal");
        return $"{health.GetProperty("status").GetString()}: {health.GetProperty("Description").GetString()}";
    }

    private async Task AssertChainHoldsAsync()
    {
        await using var scope = _app.Scope();
        var entries = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.True(AuditChain.Check(entries.Select(AuditLog.ToChained)).Intact);
    }

    /// <summary>Journal lines are never rewritten (ADR 0013): one written under a former resource name is chained under today's.</summary>
    [Fact]
    public async Task Lookup_journalled_under_a_former_resource_name_is_chained_under_todays()
    {
        if (!await JournalOnAsync()) return;
        await _app.Services.GetRequiredService<AuditJournal>().AppendAsync(Entry("van voor de nieuwe namen") with { Resource = "betrokkenheid" }, default);
        var line = Assert.Single(Current().Lines);
        Assert.Contains("\"Resource\":\"betrokkenheid\"", Encoding.UTF8.GetString(line.Bytes), StringComparison.Ordinal);

        Assert.Equal(1, await _app.Services.GetRequiredService<AuditJournalDrain>().DrainAsync(default));
        await using (var scope = _app.Scope())
        {
            var entry = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Id).LastAsync();
            Assert.Equal(("van voor de nieuwe namen", AuditActions.Lookup, AuditResources.Involvement), (entry.Purpose, entry.Action, entry.Resource));
        }
        Assert.Empty(await RejectedAsync());
        await AssertChainHoldsAsync();
    }

    [Fact]
    public async Task Line_edited_in_the_journal_before_the_drain_is_reported_and_not_chained()
    {
        if (!await JournalOnAsync()) return;
        await LookUpAsync("eerste");
        await LookUpAsync("tweede");
        await LookUpAsync("derde");
        var (path, segment, lines) = Current();
        Assert.Equal(3, lines.Count);

        // The purpose of the second look-up rewritten (longer, so everything after it moves too).
        var edited = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(lines[1].Bytes).Replace("\"tweede\"", "\"tweede, voor de wijkagent\"", StringComparison.Ordinal));
        Assert.NotEqual(lines[1].Bytes.Length, edited.Length);
        Rewrite(path, lines[0].Bytes, edited, lines[2].Bytes);

        Assert.Equal(3, await _app.Services.GetRequiredService<AuditJournalDrain>().DrainAsync(default));
        Assert.Equal(["voor de storing", "eerste", "derde"], await TrailAsync());
        var report = Assert.Single(await RejectedAsync());
        Assert.Equal(TestApp.Gemeentecode, report.Gemeentecode);
        Assert.Equal("Auditjournaal", report.ActorName);
        Assert.StartsWith($"regel afgewezen in {segment}.jsonl op positie {lines[1].At}: controlewaarde klopt niet (gewijzigd, ingevoegd of uit een ander segment); " +
            $"SHA-256 {Convert.ToHexStringLower(SHA256.HashData(edited.AsSpan(0, edited.Length - 1)))}; inhoud: ", report.Detail, StringComparison.Ordinal);
        Assert.Contains("tweede, voor de wijkagent", report.Detail, StringComparison.Ordinal);
        Assert.Equal($"Degraded: auditjournaal: 1 regel(s) afgewezen sinds de start (gewijzigd, ingevoegd of verwijderd), laatst {segment}.jsonl positie {lines[1].At}: " +
            "controlewaarde klopt niet (gewijzigd, ingevoegd of uit een ander segment); zie de audittrail", await JournalHealthAsync());
        await AssertChainHoldsAsync();
    }

    [Fact]
    public async Task Line_inserted_in_the_journal_before_the_drain_is_reported_and_not_chained()
    {
        if (!await JournalOnAsync()) return;
        await LookUpAsync("eerste");
        await LookUpAsync("tweede");
        var (path, segment, lines) = Current();
        Assert.Equal(2, lines.Count);

        // A copy of a real line, a made-up look-up with a made-up check, and one in the format from before the checks.
        var copy = lines[0].Bytes;
        var madeUp = Encoding.UTF8.GetBytes($"{JsonSerializer.Serialize(Entry("verzonnen"))}\t{lines[1].At}\t{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}\n");
        var unchecked_ = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Entry("zonder controle")) + "\n");
        Rewrite(path, lines[0].Bytes, copy, madeUp, unchecked_, lines[1].Bytes);

        Assert.Equal(5, await _app.Services.GetRequiredService<AuditJournalDrain>().DrainAsync(default));
        Assert.Equal(["voor de storing", "eerste", "tweede"], await TrailAsync());
        var reports = (await RejectedAsync()).Select(r => r.Detail!).ToList();
        Assert.Equal(3, reports.Count);
        var at = lines[1].At;
        Assert.StartsWith($"regel afgewezen in {segment}.jsonl op positie {at}: staat al eerder in het journaal (gekopieerd of verplaatst); ", reports[0], StringComparison.Ordinal);
        Assert.StartsWith($"regel afgewezen in {segment}.jsonl op positie {at + copy.Length}: controlewaarde klopt niet", reports[1], StringComparison.Ordinal);
        Assert.Contains("verzonnen", reports[1], StringComparison.Ordinal);
        Assert.StartsWith($"regel afgewezen in {segment}.jsonl op positie {at + copy.Length + madeUp.Length}: zonder controlewaarde (een eerdere versie van Regie, of ingevoegd); ",
            reports[2], StringComparison.Ordinal);
        Assert.StartsWith("Degraded: auditjournaal: 3 regel(s) afgewezen", await JournalHealthAsync(), StringComparison.Ordinal);
        await AssertChainHoldsAsync();
    }

    [Fact]
    public async Task Line_removed_from_the_journal_before_the_drain_is_reported()
    {
        if (!await JournalOnAsync()) return;
        await LookUpAsync("eerste");
        await LookUpAsync("tweede");
        await LookUpAsync("derde");
        var (path, segment, lines) = Current();
        Rewrite(path, lines[0].Bytes, lines[2].Bytes);

        Assert.Equal(3, await _app.Services.GetRequiredService<AuditJournalDrain>().DrainAsync(default));
        Assert.Equal(["voor de storing", "eerste", "derde"], await TrailAsync());
        var report = Assert.Single(await RejectedAsync());
        Assert.Equal($"regels ontbreken in {segment}.jsonl: posities {lines[1].At} tot {lines[2].At} (verwijderd)", report.Detail);
        Assert.StartsWith("Degraded: auditjournaal: 1 regel(s) afgewezen", await JournalHealthAsync(), StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Journal_directory_and_files_are_for_the_service_account_only()
    {
        const UnixFileMode directoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode fileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

        // A journal directory that a restore left open to everyone, with a file in it anyone may read.
        var dir = Path.Combine(_dir, "hersteld");
        Directory.CreateDirectory(dir);
        File.SetUnixFileMode(dir, directoryMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(Path.Combine(dir, "0000000000000000001" + AuditJournal.Extension), "");
        File.SetUnixFileMode(Path.Combine(dir, "0000000000000000001" + AuditJournal.Extension), fileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var fresh = Path.Combine(_dir, "nieuw");
        foreach (var path in new[] { dir, fresh })
        {
            using var journal = Journal(path);
            await journal.AppendAsync(Entry("rechten"), default);
            // The next segment is prepared in the background.
            for (var i = 0; i < 100 && !File.Exists(Path.Combine(path, "segment.next")); i++) await Task.Delay(50);
            Assert.Equal(directoryMode, File.GetUnixFileMode(path));
            var files = Directory.GetFiles(path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Superset(new HashSet<string?> { "journal.id", "journal.key", "journal.lock", "segment.next", journal.CurrentSegment + AuditJournal.Extension }, files.ToHashSet());
            Assert.All(files, f => Assert.Equal(fileMode, File.GetUnixFileMode(Path.Combine(path, f!))));
        }

        // The server's own journal, whose directory this test made with the usual rights, was narrowed when it started.
        if (_app.Database.Provider == DatabaseProvider.Postgres) Assert.Equal(directoryMode, File.GetUnixFileMode(_dir));
    }
}
