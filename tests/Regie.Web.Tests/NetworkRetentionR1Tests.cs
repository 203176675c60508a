using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Retention;

namespace Regie.Web.Tests;

/// <summary>
/// Review r1 of p21a: retention anonymises a file past its term (RetentionService.AnonymiseAsync), but the new NetworkMembers
/// rows keep third parties' names, phone numbers and e-mail addresses, and the name of the household member who consented.
/// </summary>
public sealed class NetworkRetentionR1Tests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task R1_retention_leaves_nothing_of_the_network_of_an_anonymised_file()
    {
        Guid memberId;
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
            db.Add(member);
            await db.SaveChangesAsync();
            memberId = member.Id;
        }

        await using (var scope = _app.Scope())
            await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(false, default);

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            // The file itself was anonymised by this run: only its network was left behind.
            Assert.Equal("Geanonimiseerd huishouden", await db.Households.IgnoreQueryFilters().Where(x => x.Naam == "Geanonimiseerd huishouden"
                && db.NetworkMembers.IgnoreQueryFilters().Any(n => n.Id == memberId && n.HouseholdId == x.Id)).Select(x => x.Naam).SingleAsync());
            var left = await db.NetworkMembers.IgnoreQueryFilters().Where(n => n.Id == memberId)
                .Select(n => new { n.Name, n.Phone, n.Email, n.ConsentByName }).SingleOrDefaultAsync();
            Assert.True(left is null || (left.Name != "Buurman Jansen" && left.Phone is null && left.Email is null && left.ConsentByName != "Oud Netwerkoud"),
                $"kept after anonymisation: {left}");
        }
    }
}
