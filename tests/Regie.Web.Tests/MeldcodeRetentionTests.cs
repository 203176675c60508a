using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Retention;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 20 item 5: a Meldcode track is kept as its household's file is, counted from its decision, and for the Jeugdwet's
/// 20 years where it concerns a child; the retention run then deletes it with its entries and withholdings, audited.
/// </summary>
public sealed class MeldcodeRetentionTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// A family (parent born 1960, child born 30 years ago) that a team worked with under the Wmo (15 years), and a track
    /// about <paramref name="child"/> or the parent, decided on <paramref name="decided"/> after all five steps, with a withholding.
    /// </summary>
    private async Task<(Guid Household, Guid Track)> DecidedTrackAsync(string surname, bool child, DateOnly decided)
    {
        var family = await new Given(_app).Family(surname, team: Given.Noord, childBorn: Today.AddYears(-30).ToString("dd-MM-yyyy"));
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var parent = await db.Persons.SingleAsync(p => p.Id == family.Parent);
        parent.Correct(parent.Bsn, parent.Name, new DateOnly(1960, 1, 1), DateTime.UtcNow);
        db.Trajectories.Add(new Trajectory
        {
            Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = family.Household, Frameworks = "Wmo2015",
            OpenedOn = decided.AddYears(-1), OpenedBy = "t", ClosedOn = decided, CreatedAt = DateTime.UtcNow,
        });
        var opened = decided.AddDays(-60);
        var at = opened.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var track = MeldcodeTrack.Open(TestApp.Gemeentecode, family.Household, null, null, [child ? family.Child : family.Parent], opened, at, "t");
        var errors = new ErrorList();
        foreach (var fields in new[]
        {
            new MeldcodeEntryFields(MeldcodeStep.Signalen, opened, "Signalen", "School"),
            new MeldcodeEntryFields(MeldcodeStep.Overleg, opened, "Advies", "Collega", ConsultedWith: ConsultationPartner.Collega),
            new MeldcodeEntryFields(MeldcodeStep.Gesprek, opened, "Gesprek", "Ouder", ConversationHeld: true),
            new MeldcodeEntryFields(MeldcodeStep.Weging, decided, "Weging", Weighing: [new WeighingAnswer(1, false, "Geen vermoeden")]),
            new MeldcodeEntryFields(MeldcodeStep.Besluit, decided, "Afgesloten: geen vermoeden", Decision: MeldcodeDecision.Afgesloten),
        })
            Assert.NotNull(track.Record(fields, "t", "Medewerker", at, errors));
        Assert.False(errors.HasErrors);
        db.MeldcodeTracks.Add(track);
        db.MeldcodeWithholdings.Add(MeldcodeWithholding.Of(track, null, "Veiligheid van het kind", "t", "Medewerker", at));
        await db.SaveChangesAsync();
        return (family.Household, track.Id);
    }

    [Fact]
    public async Task Retention_keeps_a_childs_track_for_the_jeugdwet_term_and_deletes_an_adults_when_the_household_term_has_passed()
    {
        // The household's term is the Wmo's 15 years; a track about a child is kept 20 (the Jeugdwet), counted from the decision.
        var (_, childKept) = await DecidedTrackAsync("Kindbewaard", child: true, Today.AddYears(-20));
        var (childGoneHousehold, childGone) = await DecidedTrackAsync("Kindverlopen", child: true, Today.AddYears(-20).AddDays(-1));
        var (_, childPastWmo) = await DecidedTrackAsync("Kindwmo", child: true, Today.AddYears(-15).AddDays(-1));
        var (_, adultKept) = await DecidedTrackAsync("Volwassenbewaard", child: false, Today.AddYears(-15));
        var (adultGoneHousehold, adultGone) = await DecidedTrackAsync("Volwassenverlopen", child: false, Today.AddYears(-15).AddDays(-1));

        await using (var scope = _app.Scope())
        {
            var dry = await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(dryRun: true, default);
            Assert.Equal(new RetentionResult(true, 0, 0, 0, 2), dry);
            Assert.Equal(5, await scope.ServiceProvider.GetRequiredService<RegieDbContext>().MeldcodeTracks.CountAsync());
        }
        await using (var scope = _app.Scope())
            Assert.Equal(new RetentionResult(false, 0, 0, 0, 2), await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(dryRun: false, default));

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            Assert.Equal(new[] { childKept, childPastWmo, adultKept }.Order(), (await db.MeldcodeTracks.Select(t => t.Id).ToListAsync()).Order());
            Assert.Equal(15, await db.MeldcodeEntries.CountAsync());
            Assert.Equal(0, await db.MeldcodeEntries.CountAsync(e => e.TrackId == childGone || e.TrackId == adultGone));
            Assert.Equal(0, await db.MeldcodeWithholdings.CountAsync(w => w.TrackId == childGone || w.TrackId == adultGone));
            Assert.Equal(3, await db.MeldcodeWithholdings.CountAsync());
            Assert.Equal(0, await db.Set<MeldcodeTrackPerson>().CountAsync(p => p.TrackId == childGone || p.TrackId == adultGone));
            var deletions = await db.AuditEntries.Where(a => a.Action == "retention" && a.Resource == "meldcode").OrderBy(a => a.Id)
                .Select(a => new { a.HouseholdId, a.Detail }).ToListAsync();
            Assert.Equal(new[] { (childGoneHousehold, $"traject {childGone} verwijderd: bewaartermijn verstreken"), (adultGoneHousehold, $"traject {adultGone} verwijderd: bewaartermijn verstreken") }.Order(),
                deletions.Select(d => (d.HouseholdId!.Value, d.Detail!)).Order());
            // Outside a run the entries stay append-only.
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"MeldcodeEntries\" SET \"Text\" = 'x'"));
        }
        await using (var scope = _app.Scope())
            Assert.Equal(new RetentionResult(false, 0, 0, 0, 0), await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(dryRun: false, default));
    }

    [Fact]
    public async Task A_household_whose_track_concerned_a_child_is_kept_for_the_jeugdwet_term_and_an_adults_goes_with_its_track()
    {
        // Both households ended 16 years ago under the Wmo (15 years); the one with a track about a child stays 20 years.
        var (withChild, _) = await DecidedTrackAsync("Kindhuishouden", child: true, Today.AddYears(-17));
        var (withAdult, _) = await DecidedTrackAsync("Volwassenhuishouden", child: false, Today.AddYears(-17));
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var until = Today.AddYears(-16);
            await db.HouseholdMembers.Where(m => m.HouseholdId == withChild || m.HouseholdId == withAdult).ExecuteUpdateAsync(u => u.SetProperty(m => m.Until, until));
        }
        await using (var scope = _app.Scope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(dryRun: false, default);
            Assert.Equal((1, 2, 1), (run.Households, run.Persons, run.MeldcodeTracks));
        }
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var anonymised = await db.Households.Where(h => h.AnonymisedAt != null).Select(h => h.Id).ToListAsync();
            Assert.Equal([withAdult], anonymised);
            Assert.Equal(withChild, (await db.MeldcodeTracks.SingleAsync()).HouseholdId);
        }
    }
}
