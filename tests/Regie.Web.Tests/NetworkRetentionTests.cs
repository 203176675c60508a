using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Retention;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 21 and retention: a file past its term keeps nothing of its network (third parties' names, phone numbers and e-mail
/// addresses, and who in the household consented) nor of the plan's own sections, which tell the concern, nor of its contact notes.
/// </summary>
public sealed class NetworkRetentionTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Retention_removes_the_network_the_plans_own_sections_and_the_contact_notes_of_a_file_past_its_term()
    {
        Guid memberId, planId, noteId;
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var now = DateTime.UtcNow;
            var ended = DateOnly.FromDateTime(now).AddYears(-21);
            var team = await db.Teams.Select(t => (Guid?)t.Id).FirstAsync();
            var h = new Household { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Naam = "Huishouden Netwerkoud", Straat = "Oude Weg", Huisnummer = 4, Postcode = "9911AB", Woonplaats = "Voorbeeld", Wijk = "Noord", ResponsibleTeamId = team, CreatedAt = now, UpdatedAt = now };
            var p = new Person { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Bsn = TestApp.NextBsn(), Voornamen = "Oud", Achternaam = "Netwerkoud", ZoekNaam = PersonName.SearchKeyOf("Netwerkoud"), ZoekVoornamen = " oud", Geboortedatum = new DateOnly(1950, 5, 5), CreatedAt = now, UpdatedAt = now };
            db.AddRange(h, p, new HouseholdMember { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = h.Id, PersonId = p.Id, Role = HouseholdRole.Ouder, From = ended.AddYears(-3), Until = ended });
            var member = NetworkMember.Add(h, new NetworkMemberContent("Buurman Jansen", NetworkRelation.Buur, "06 87654321", "jansen@voorbeeld.nl", "Doet boodschappen",
                ended.AddYears(-1), p.Id, "Oud Netwerkoud"), ended.AddYears(-1), now);
            var trajectory = new Trajectory
            {
                Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = h.Id, OpenedOn = ended.AddYears(-2), ClosedOn = ended, OpenedBy = "test-user",
                CreatedAt = now.AddYears(-23),
            };
            var plan = new Plan
            {
                Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = h.Id, TrajectoryId = trajectory.Id, StartedOn = ended.AddYears(-2),
                ClosedOn = ended, CreatedAt = now, UpdatedAt = now, Version = 1, Strengths = "Oud zorgt goed voor de buurt",
                ConcernsJson = "[{\"Wat\":\"Oud vereenzaamt\",\"Belangrijkst\":true}]", EarlierHelp = "Maatschappelijk werk in 2001",
            };
            planId = plan.Id;
            var note = ContactNote.Record(h, new ContactNoteContent(ended.AddDays(-30), ContactKind.Huisbezoek, [p.Id], "buurman Jansen", "Oud vertelt over de eenzaamheid"),
                "test-user", "Test Medewerker", now);
            _ = note.Revise(new ContactNoteContent(ended.AddDays(-30), ContactKind.Huisbezoek, [p.Id], null, "Oud vertelt over de eenzaamheid en de schulden"), "aangevuld",
                "test-user", "Test Medewerker", now) ?? throw new InvalidOperationException("No new version");
            noteId = note.Id;
            db.AddRange(member, trajectory, plan, note);
            db.AddRange(note.Versions);
            await db.SaveChangesAsync();
            memberId = member.Id;
        }

        await using (var scope = _app.Scope())
            await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(false, default);

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            // The file itself was anonymised by this run, with its network and the plan's sections.
            Assert.Equal("Geanonimiseerd huishouden", await db.Households.IgnoreQueryFilters().Where(x => db.Plans.IgnoreQueryFilters().Any(p => p.Id == planId && p.HouseholdId == x.Id))
                .Select(x => x.Naam).SingleAsync());
            Assert.False(await db.NetworkMembers.IgnoreQueryFilters().AnyAsync(n => n.Id == memberId));
            Assert.False(await db.ContactNotes.IgnoreQueryFilters().AnyAsync(n => n.Id == noteId));
            Assert.False(await db.ContactNoteVersions.IgnoreQueryFilters().AnyAsync(v => v.ContactNoteId == noteId));
            var sections = await db.Plans.IgnoreQueryFilters().Where(p => p.Id == planId).Select(p => new { p.Strengths, p.ConcernsJson, p.EarlierHelp }).SingleAsync();
            Assert.Equal((null, null, null), (sections.Strengths, sections.ConcernsJson, sections.EarlierHelp));
        }
    }
}
