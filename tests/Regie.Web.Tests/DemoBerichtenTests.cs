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
