using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Households;
using static Regie.Web.Tests.Builders;

namespace Regie.Web.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class AuditTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<AuditEntry>> TrailAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private string[] DatabaseArgs => [$"--Database:Provider={_app.Database.Provider}", $"--Database:ConnectionString={_app.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    private async Task<(Guid Household, string Bsn)> HouseholdAsync()
    {
        using var client = await _app.SignedInClientAsync();
        var bsn = TestApp.NextBsn();
        var created = await client.PostAsJsonAsync("/api/v1/households", new
        {
            adres = new { postcode = "9915 AA", huisnummer = "9", woonplaats = "Voorbeeld" },
            leden = new[] { new { rol = "ouder", voornamen = "Gezien", achternaam = "Inwoner" + bsn[^3..].Replace('0', 'o'), geboortedatum = "1970-01-01", bsn } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid(), bsn);
    }

    [Fact]
    public async Task Reading_a_household_page_and_the_api_leaves_a_trace_with_who_and_role()
    {
        var (id, _) = await HouseholdAsync();
        using var client = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/huishoudens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/households/{id}")).StatusCode);

        var trail = await TrailAsync();
        Assert.Contains(trail, e => e.Action == AuditActions.Create && e.HouseholdId == id);
        var reads = trail.Where(e => e.Action == AuditActions.Read && e.Resource == AuditResources.Household && e.HouseholdId == id).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, e =>
        {
            Assert.Equal("Fatima Bouzid", e.ActorName);
            Assert.Equal("professional", e.Role);
            Assert.Equal(TestApp.Gemeentecode, e.Gemeentecode);
        });

        // Another team's professional guessing the id is refused, and that is on record too.
        using var other = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/huishoudens/{id}")).StatusCode);
        Assert.Contains(await TrailAsync(), e => e.Action == AuditActions.Denied && e.HouseholdId == id && e.ActorName == "Koen Verhoeven");
    }

    [Fact]
    public async Task Search_is_audited_without_the_bsn_or_name_that_was_typed()
    {
        var (_, bsn) = await HouseholdAsync();
        using var client = await _app.SignedInClientAsync();
        await client.GetStringAsync($"/?q={bsn}");
        var search = Assert.Single(await TrailAsync(), e => e.Action == AuditActions.Search);
        Assert.Equal("soort=bsn; resultaten=1", search.Detail);
        Assert.DoesNotContain(await TrailAsync(), e => (e.Detail ?? "").Contains(bsn) || (e.Purpose ?? "").Contains(bsn));
    }

    [Fact]
    public async Task Concurrent_appends_keep_one_unbroken_chain_and_verify_says_intact()
    {
        var tasks = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = _app.Scope($"Gelijktijdig {i}");
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Read, AuditResources.Person, personId: Guid.NewGuid());
        });
        await Task.WhenAll(tasks);
        var trail = await TrailAsync();
        Assert.True(trail.Count >= 20);
        Assert.Equal(trail.Count, trail.Select(e => e.PreviousHash).Distinct().Count()); // no fork: every hash is followed once

        var (exit, output) = await ConsoleCollection.RunAsync(["audit", "verify", .. DatabaseArgs]);
        Assert.Equal(0, exit);
        Assert.Contains($"Audittrail intact: {trail.Count}", output);
    }

    [Fact]
    public async Task Audit_verify_detects_a_changed_and_a_deleted_entry()
    {
        for (var i = 0; i < 5; i++)
        {
            await using var scope = _app.Scope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Read, AuditResources.Household, Guid.NewGuid());
        }
        var trail = await TrailAsync();
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            // Someone with database rights first switches off the append-only guard.
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_append_only\"");
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_no_update\"");
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_no_delete\"");
            }
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = 'Niemand' WHERE \"Id\" = {trail[1].Id}");
        }
        var (exit, output) = await ConsoleCollection.RunAsync(["audit", "verify", .. DatabaseArgs]);
        Assert.Equal(1, exit);
        Assert.Contains($"regel {trail[1].Id}: de inhoud is gewijzigd", output);

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = {trail[1].ActorName} WHERE \"Id\" = {trail[1].Id}");
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {trail[3].Id}");
        }
        (exit, output) = await ConsoleCollection.RunAsync(["audit", "verify", .. DatabaseArgs]);
        Assert.Equal(1, exit);
        Assert.Contains($"regel {trail[4].Id}: de schakel naar de vorige regel ontbreekt", output);
    }

    [Fact]
    public async Task Audit_trail_refuses_updates_and_deletes()
    {
        await using var scope = _app.Scope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Read, AuditResources.Household, Guid.NewGuid());
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'x'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
    }

    [Fact]
    public async Task Privacy_officer_finds_who_looked_at_a_person_and_exports_it()
    {
        var (id, bsn) = await HouseholdAsync();
        using (var snooper = await _app.SignedInClientAsync("teamleider@voorbeeld.nl"))
            Assert.Equal(HttpStatusCode.OK, (await snooper.GetAsync($"/huishoudens/{id}")).StatusCode);

        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var page = await privacy.GetStringAsync($"/privacy/audit?Filter.Bsn={bsn}");
        Assert.Contains("Marloes de Groot", page);
        Assert.Contains("Fatima Bouzid", page);

        var csv = await privacy.GetAsync($"/privacy/audit?handler=Csv&Filter.Bsn={bsn}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("\uFEFFid;tijdstip_utc;gebruiker", text);
        Assert.Contains(";Marloes de Groot;teamleider;", text);
        Assert.Contains(await TrailAsync(), e => e.Action == AuditActions.Export && e.Resource == AuditResources.Audit);

        var invalid = await privacy.GetStringAsync("/privacy/audit?Filter.Bsn=123");
        Assert.Contains("Een BSN bestaat uit 9 cijfers.", invalid);

        using var professional = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await professional.GetAsync("/privacy/audit")).StatusCode);
    }

    [Fact]
    public void Csv_cells_cannot_become_spreadsheet_formulas()
    {
        Assert.Equal("'=HYPERLINK(1)", AuditSearch.Csv("=HYPERLINK(1)"));
        Assert.Equal("\"a;b\"", AuditSearch.Csv("a;b"));
        Assert.Equal("\"zei \"\"hoi\"\"\"", AuditSearch.Csv("zei \"hoi\""));
    }
}
