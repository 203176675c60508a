using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Berichten;

namespace Regie.Web.Tests;

/// <summary>
/// The demo's decisions travel: its granted Wmo and Jeugdwet provisions have their 301s, valid against the XSD. The messages are
/// also written to tests/xsd-check, where the test script asks a second validator (xmllint) for its opinion.
/// </summary>
public sealed class DemoBerichtenTests(DemoMeldcodeFixture fixture) : IClassFixture<DemoMeldcodeFixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task The_demos_granted_provisions_have_their_301s_ready_for_the_providers_and_valid()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var assignments = await db.Toewijzingen.AsNoTracking().OrderBy(t => t.Nummer).ToListAsync();
        Assert.Equal([("Wmo2015", "01"), ("Jeugdwet", "43"), ("Jeugdwet", "45")],
            assignments.OrderBy(t => t.DecidedOn).ThenBy(t => t.Category).Select(t => (t.Framework.ToString(), t.Category)).OrderBy(x => x.Item1 == "Wmo2015" ? 0 : 1).ThenBy(x => x.Item2));
        var sent = await db.IstandaardBerichten.AsNoTracking().Where(b => b.Richting == BerichtRichting.Uit).OrderBy(b => b.Identificatie).ToListAsync();
        Assert.Equal(["JW301", "JW301", "WMO301"], sent.Select(b => b.Soort).Order());
        Assert.All(sent, b => Assert.Equal(BerichtStatus.Klaar, b.Status));

        // The providers answered: two starts, one stop, one request on the desk's worklist, one start refused with its retour code.
        var received = await db.IstandaardBerichten.AsNoTracking().Where(b => b.Richting == BerichtRichting.In)
            .Join(db.Organisations, b => b.OrganisationId, o => o.Id, (b, o) => new { b.Soort, b.Status, o.Name, b.Problemen, b.Xml, b.ApplicationId }).ToListAsync();
        Assert.Equal([
            ("JW305", BerichtStatus.Afgewezen, Infrastructure.Demo.DemoIStandaarden.OpKoers), ("JW305", BerichtStatus.Ontvangen, Infrastructure.Demo.DemoIStandaarden.DeBrug),
            ("JW307", BerichtStatus.Ontvangen, Infrastructure.Demo.DemoIStandaarden.DeBrug), ("JW315", BerichtStatus.Ontvangen, Infrastructure.Demo.DemoIStandaarden.OpKoers),
            ("WMO305", BerichtStatus.Ontvangen, Infrastructure.Demo.DemoIStandaarden.ZorgzameHand)],
            received.Select(r => (r.Soort, r.Status, r.Name)).Order());
        var refused = received.Single(r => r.Status == BerichtStatus.Afgewezen);
        Assert.Null(refused.Xml);
        Assert.Equal([Retourcodes.NietGekoppeld], Features.Toewijzingen.Retourmeldingen.FromJson(refused.Problemen).Select(m => m.Retourcode));
        var request = received.Single(r => r.Soort == "JW315");
        var application = await db.ProvisionApplications.AsNoTracking().SingleAsync(a => a.Id == request.ApplicationId);
        Assert.Equal((Regie.Domain.Decisions.ApplicationStatus.InBehandeling, (string?)null), (application.Status, application.HandlerUserId));
        var states = await db.Toewijzingen.AsNoTracking().Join(db.Organisations, t => t.ProviderOrganisationId, o => o.Id, (t, o) => new { o.Name, t.StartedOn, t.StoppedOn, t.StopReason })
            .ToListAsync();
        Assert.NotNull(states.Single(t => t.Name == Infrastructure.Demo.DemoIStandaarden.ZorgzameHand).StartedOn);
        Assert.Equal("34", states.Single(t => t.Name == Infrastructure.Demo.DemoIStandaarden.DeBrug).StopReason);
        Assert.Null(states.Single(t => t.Name == Infrastructure.Demo.DemoIStandaarden.OpKoers).StartedOn);

        var dir = Path.Combine(TestApp.RepositoryRoot(), "tests", "xsd-check", "berichten");
        Directory.CreateDirectory(dir);
        foreach (var message in await db.IstandaardBerichten.AsNoTracking().Where(b => b.Xml != null).ToListAsync())
        {
            var (_, problems) = BerichtSchemas.Parse(message.Xml!, BerichtSoorten.ByName(message.Soort)!);
            Assert.Empty(problems);
            await File.WriteAllTextAsync(Path.Combine(dir, $"{message.Soort}_{message.Id}.xml"), message.Xml);
        }
    }
}
