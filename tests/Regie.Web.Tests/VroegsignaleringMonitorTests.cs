using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Monitor;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Monitor;
using Regie.Web.Features.Retention;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 22 point 6: the municipality's monitor shows vroegsignalering — signals per partner and month, the share reached, the days to
/// the first contact attempt, the outcomes and the signals at households the team already helped — under the monitor's small-number
/// rules, and the figures stay the same once retention cleared the signals.
/// </summary>
public sealed class VroegsignaleringMonitorTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly Received = Today.AddMonths(-10);
    private static readonly DateOnly ClosedOn = Today.AddMonths(-9);

    private static Vroegsignaal Signal(SignaalpartnerSoort soort, string kenmerk) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, PartnerOrganisationId = Guid.CreateVersion7(), PartnerName = $"Partner {soort}", PartnerSoort = soort,
        Kenmerk = kenmerk, Bsn = TestApp.NextBsn(), Achternaam = "Vries", Postcode = "9999AA", Huisnummer = 1, Bedrag = 250m, MaandenAchterstand = 2,
        Signaaldatum = Received.AddDays(-1), ReceivedAt = Received.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), ReceivedOn = Received, Via = SignalRules.ViaImport,
        Status = Signaalstatus.NogNietOpgepakt,
    };

    /// <summary>
    /// Eleven rent signals, one case each (households 0–10); households 0–2 the team already helped. Case i had its first attempt i days
    /// after the signal; cases 0–5 reached the resident with it. Cases 0–9 closed "geen hulp nodig", case 10 "zelf betaald". Two energy
    /// signals were never matched.
    /// </summary>
    private async Task SignalsAsync()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        db.VroegsignaleringSettings.Add(new VroegsignaleringSettings { Gemeentecode = TestApp.Gemeentecode, RetentionMonths = 6, Version = 1 });
        for (var i = 0; i < 11; i++)
        {
            var signal = Signal(SignaalpartnerSoort.Huur, $"HUUR-{i}");
            var zaak = Vroegsignaalzaak.Open(TestApp.Gemeentecode, Guid.CreateVersion7(), signal, alreadyHelped: i < 3, ContactTermSettings.Default, signal.ReceivedAt);
            var (poging, _) = zaak.RecordAttempt(Contactsoort.Telefoon, Received.AddDays(i), Dagdeel.Ochtend, bereikt: i < 6, "Gebeld", "test-user", "Test", signal.ReceivedAt.AddDays(i));
            Assert.Null(zaak.Close(i < 10 ? Eindresultaat.GeenHulpNodig : Eindresultaat.ZelfBetaald, "Klaar", [signal], "test-user", "Test",
                ClosedOn.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc)));
            db.AddRange(signal, zaak, poging!);
        }
        db.AddRange(Signal(SignaalpartnerSoort.Energie, "STROOM-1"), Signal(SignaalpartnerSoort.Energie, "STROOM-2"));
        await db.SaveChangesAsync();
    }

    private async Task<MonitorView> MonitorAsync(Guid? team = null)
    {
        await using var scope = _app.Scope();
        var (from, to) = MonitorSnapshots.StandardPeriod(Today);
        return await scope.ServiceProvider.GetRequiredService<MonitorQuery>().GetAsync(team, from, to, default);
    }

    [Fact]
    public async Task Policy_officer_sees_vroegsignalering_with_small_numbers_withheld_also_after_retention()
    {
        await SignalsAsync();
        var view = await MonitorAsync();

        var figures = view.Indicatoren.Where(i => i.Goal == EarlySignalFigures.Goal).ToDictionary(i => i.Key, i => (i.Value, i.Households, i.Suppressed));
        Assert.Equal((13m, 13, false), figures["vs-signalen"]);
        // Six of eleven cases reached the resident.
        Assert.Equal((54.5m, 11, false), figures["vs-bereikt"]);
        // First attempts after 0 to 10 days: median 5, 80th percentile the ninth (nearest rank of 8.8).
        Assert.Equal((5m, 11, false), figures["vs-tot-contact"]);
        Assert.Equal((8m, 11, false), figures["vs-tot-contact-p80"]);
        // Three signals at households the team already helped: too few to show as a count; as a share of thirteen signals.
        Assert.Equal((null, 3, true), figures["vs-al-geholpen"]);
        Assert.Equal((23.1m, 13, false), figures["vs-al-geholpen-deel"]);

        var tables = view.Vroegsignalering!;
        var month = Received.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["Energie", "Huur"], tables.PerPartner.Select(r => r.Partner).ToList());
        // Eleven rent signals, rounded to ten; two energy signals are withheld.
        Assert.Equal(tables.Months.Select(m => m == month ? 10 : (int?)null).ToList(), tables.PerPartner[1].PerMonth);
        Assert.Equal(((int?)null, (int?)10), (tables.PerPartner[0].Total, tables.PerPartner[1].Total));
        Assert.All(tables.PerPartner[0].PerMonth, Assert.Null);
        Assert.Equal([new EarlySignalOutcomeRow("Inwoner hoeft geen hulp vanuit vroegsignalering", 10)], tables.Outcomes.Where(o => o.Cases is not null).ToList());

        var csv = MonitorQuery.Csv(view);
        Assert.Contains("Vroegsignalering;Vroegsignalen ontvangen;13;signalen;13;;", csv, StringComparison.Ordinal);
        Assert.Contains("Vroegsignalering;Signalen bij huishoudens die het team al hielp;;signalen;<10;niet getoond: minder dan 10 huishoudens;", csv, StringComparison.Ordinal);
        Assert.Contains($"Huur;{string.Join(';', tables.Months.Select(m => m == month ? "10" : ""))};10", csv, StringComparison.Ordinal);
        Assert.Contains("Inwoner hoeft geen hulp vanuit vroegsignalering;10\r\nInwoner heeft zelf al betaald/betalingsregeling getroffen;\r\n".Replace("\r\n", Environment.NewLine, StringComparison.Ordinal), csv,
            StringComparison.Ordinal);

        // A team's monitor has no vroegsignalering: the signals are the municipality's.
        Guid team;
        await using (var scope = _app.Scope()) team = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Teams.Select(t => t.Id).FirstAsync();
        var teamView = await MonitorAsync(team);
        Assert.Null(teamView.Vroegsignalering);
        Assert.DoesNotContain(teamView.Indicatoren, i => i.Goal == EarlySignalFigures.Goal);

        // Nine months after closing, past the six-month term: the signals are cleared, the figures stay.
        await using (var scope = _app.Scope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(false, default);
            Assert.Equal((13, 11), (result.EarlySignals, result.EarlySignalCases));
        }
        var after = await MonitorAsync();
        Assert.Equal(JsonSerializer.Serialize(view.Indicatoren.Where(i => i.Goal == EarlySignalFigures.Goal)),
            JsonSerializer.Serialize(after.Indicatoren.Where(i => i.Goal == EarlySignalFigures.Goal)));
        Assert.Equal(JsonSerializer.Serialize(view.Vroegsignalering), JsonSerializer.Serialize(after.Vroegsignalering));
    }
}
