using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Retention;

namespace Regie.Web.Tests;

public sealed class RetentionTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A household whose last member left <paramref name="yearsAgo"/> years ago.</summary>
    private async Task<(Guid Household, Guid Person)> EndedAsync(string name, int yearsAgo, bool withTeam, Guid? alsoLivesIn = null)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var now = DateTime.UtcNow;
        var ended = DateOnly.FromDateTime(now).AddYears(-yearsAgo);
        var team = withTeam ? await db.Teams.Select(t => (Guid?)t.Id).FirstAsync() : null;
        var h = new Household { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Naam = "Huishouden " + name, Straat = "Oude Weg", Huisnummer = 4, Postcode = "9911AB", Woonplaats = "Voorbeeld", Wijk = "Noord", ResponsibleTeamId = team, CreatedAt = now, UpdatedAt = now };
        var p = new Person { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Bsn = TestApp.NextBsn(), Voornamen = "Oud", Achternaam = name, ZoekNaam = PersonName.SearchKeyOf(name), ZoekVoornamen = " oud", Geboortedatum = new DateOnly(1950, 5, 5), Telefoon = "0612345678", CreatedAt = now, UpdatedAt = now };
        db.AddRange(h, p, new HouseholdMember { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = h.Id, PersonId = p.Id, Role = HouseholdRole.Ouder, From = ended.AddYears(-3), Until = ended });
        if (alsoLivesIn is { } other)
            db.Add(new HouseholdMember { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = other, PersonId = p.Id, Role = HouseholdRole.Ouder, From = ended });
        db.Add(new HouseholdEvent { Gemeentecode = TestApp.Gemeentecode, HouseholdId = h.Id, PersonId = p.Id, Type = EventTypes.MemberLeft, OccurredAt = now, EffectiveDate = ended, ActorId = "t", ActorName = "Medewerker", Summary = $"Oud {name} vertrokken" });
        await db.SaveChangesAsync();
        return (h.Id, p.Id);
    }

    private async Task<RetentionResult> RunAsync(bool dryRun)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(dryRun, default);
    }

    [Fact]
    public async Task Files_past_their_retention_period_are_anonymised_and_the_rest_is_kept()
    {
        var (oldTeamFile, oldPerson) = await EndedAsync("Verjaard", 21, withTeam: true);
        var (youngTeamFile, youngPerson) = await EndedAsync("Bewaard", 5, withTeam: true);
        var (oldRegistry, _) = await EndedAsync("Registratie", 3, withTeam: false);
        var (_, movedOn) = await EndedAsync("Verhuisd", 21, withTeam: true, alsoLivesIn: youngTeamFile);

        var preview = await RunAsync(dryRun: true);
        Assert.Equal(new RetentionResult(true, 3, 2, 3), preview);
        await using (var s = _app.Scope())
            Assert.Equal(0, await s.ServiceProvider.GetRequiredService<RegieDbContext>().Persons.CountAsync(p => p.AnonymisedAt != null));

        Assert.Equal(new RetentionResult(false, 3, 2, 3), await RunAsync(dryRun: false));

        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var gone = await db.Persons.SingleAsync(p => p.Id == oldPerson);
        Assert.Null(gone.Bsn);
        Assert.Equal("Geanonimiseerd", gone.Achternaam);
        Assert.Null(gone.Telefoon);
        Assert.NotNull(gone.AnonymisedAt);
        var household = await db.Households.SingleAsync(h => h.Id == oldTeamFile);
        Assert.Equal("9911XX", household.Postcode);
        Assert.Equal("Noord", household.Wijk); // the figures per wijk still add up
        Assert.Equal("[geanonimiseerd]", (await db.HouseholdEvents.SingleAsync(e => e.HouseholdId == oldTeamFile)).Summary);
        Assert.NotNull((await db.Households.SingleAsync(h => h.Id == oldRegistry)).AnonymisedAt);

        // Kept: a file within its period, and a person who still lives in a kept household.
        Assert.Equal("Bewaard", (await db.Persons.SingleAsync(p => p.Id == youngPerson)).Achternaam);
        Assert.Equal("Verhuisd", (await db.Persons.SingleAsync(p => p.Id == movedOn)).Achternaam);
        Assert.Null((await db.Households.SingleAsync(h => h.Id == youngTeamFile)).AnonymisedAt);

        var run = await db.RetentionRuns.SingleAsync();
        Assert.NotNull(run.FinishedAt);
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == "retention" && e.Detail!.Contains("3 huishoudens"));

        // Outside a run the timeline stays append-only.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"HouseholdEvents\" SET \"Summary\" = 'x'"));
        Assert.Equal(new RetentionResult(false, 0, 0, 0), await RunAsync(dryRun: false));
    }

    private async Task TrajectoryAsync(Guid household, string? frameworks)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        db.Trajectories.Add(new Trajectory
        {
            Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = household, Frameworks = frameworks,
            OpenedOn = new DateOnly(2000, 1, 1), OpenedBy = "t", ClosedOn = new DateOnly(2001, 1, 1), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Team_files_are_kept_as_long_as_their_legal_frameworks_require()
    {
        // Defaults: Jeugdwet 20, Wmo 15, Participatiewet and Wgs 7 years after the file ended.
        var (wgsOnly, _) = await EndedAsync("Schulden", 8, withTeam: false);
        await TrajectoryAsync(wgsOnly, "Wgs");
        var (wmoTooYoung, _) = await EndedAsync("Thuishulp", 8, withTeam: false);
        await TrajectoryAsync(wmoTooYoung, "Wmo2015");
        var (youthAndDebt, _) = await EndedAsync("Gezin", 16, withTeam: false);
        await TrajectoryAsync(youthAndDebt, "Wgs");
        await TrajectoryAsync(youthAndDebt, "Jeugdwet");
        var (unrecorded, _) = await EndedAsync("Onbekend", 16, withTeam: true);
        var (wmoOld, _) = await EndedAsync("Oud", 16, withTeam: true);
        await TrajectoryAsync(wmoOld, "Wmo2015,Participatiewet");

        Assert.Equal(2, (await RunAsync(dryRun: false)).Households);

        await using var scope = _app.Scope();
        var anonymised = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Households
            .Where(h => h.AnonymisedAt != null).Select(h => h.Id).ToListAsync();
        // Gone: debt help only after 8 years; Wmo and Participatiewet after 16. Kept: Wmo after 8; Jeugdwet
        // with debt help after 16 (the longest framework counts); no framework recorded keeps the longest period.
        Assert.Equal(new[] { wgsOnly, wmoOld }.Order(), anonymised.Order());
        Assert.DoesNotContain(wmoTooYoung, anonymised);
        Assert.DoesNotContain(youthAndDebt, anonymised);
        Assert.DoesNotContain(unrecorded, anonymised);
    }
}

public sealed class ErasureTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Privacy_officer_erases_registry_data_on_request_but_not_a_team_file()
    {
        Guid registryOnly, teamFile;
        string registryBsn;
        var given = new Given(_app);
        (_, registryOnly, registryBsn) = await given.Resident("Mijgegevens", "Wis");
        (_, teamFile) = await given.Resident("Bewaarplicht", "Blijf", team: Given.Noord);

        await using var s = _app.Scope();
        var retention = s.ServiceProvider.GetRequiredService<RetentionService>();
        Assert.Equal("text-required", (await retention.EraseOnRequestAsync(registryOnly, "", default)).Error!.Code);
        Assert.Equal(RetentionService.RetentionDutyCode, (await retention.EraseOnRequestAsync(teamFile, "Verzoek inwoner", default)).Error!.Code);
        Assert.Equal(1, (await retention.EraseOnRequestAsync(registryOnly, "Verzoek inwoner per brief van 1 november", default)).Value);

        var db2 = s.ServiceProvider.GetRequiredService<RegieDbContext>();
        Assert.False(await db2.Persons.AnyAsync(p => p.Bsn == registryBsn));
        Assert.Equal("Geanonimiseerd", (await db2.Persons.SingleAsync(p => p.Id == registryOnly)).Achternaam);
        Assert.Equal("Bewaarplicht", (await db2.Persons.SingleAsync(p => p.Id == teamFile)).Achternaam);
        Assert.Contains(await db2.AuditEntries.ToListAsync(), e => e.Action == "erase" && e.PersonId == registryOnly);
    }

    [Fact]
    public async Task A_meldcode_track_recorded_at_the_desk_keeps_a_registry_file_from_erasure_on_request()
    {
        var (household, person, _) = await new Given(_app).Resident("Balietraject", "Zorg");
        await using var s = _app.Scope();
        var db = s.ServiceProvider.GetRequiredService<RegieDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var track = MeldcodeTrack.Open(TestApp.Gemeentecode, household, null, null, [person], today, DateTime.UtcNow, "t");
        var errors = new Regie.Domain.Common.ErrorList();
        Assert.NotNull(track.Record(new MeldcodeEntryFields(Regie.Domain.Safety.MeldcodeStep.Signalen, today, "Zorgen bij de balie", "Consulent"), "t", "Consulent", DateTime.UtcNow, errors));
        db.MeldcodeTracks.Add(track);
        await db.SaveChangesAsync();

        var refused = await s.ServiceProvider.GetRequiredService<RetentionService>().EraseOnRequestAsync(person, "Verzoek inwoner", default);
        Assert.Equal(RetentionService.RetentionDutyCode, refused.Error!.Code);
        Assert.Equal("Balietraject", (await db.Persons.AsNoTracking().SingleAsync(p => p.Id == person)).Achternaam);
    }
}
