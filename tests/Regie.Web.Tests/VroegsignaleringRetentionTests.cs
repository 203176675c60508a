using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Retention;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 22 point 5: signal data is kept only as long as the municipality's term allows, counted from the day the case closed (or,
/// for a signal never matched, from the day it came in); then the retention run clears who the signal was about and the workers'
/// notes, and keeps what the DDAS report and the monitor count.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class VroegsignaleringRetentionTests : IAsyncLifetime
{
    private const int TermMonths = 6;
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly DateTime Now = DateTime.UtcNow;
    private static DateOnly Today => DateOnly.FromDateTime(Now);
    private static readonly Guid Partner = Guid.CreateVersion7();

    private static Vroegsignaal Signal(string kenmerk, DateTime received) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, PartnerOrganisationId = Partner, PartnerName = "Woningcorporatie Thuis",
        PartnerSoort = SignaalpartnerSoort.Huur, Kenmerk = kenmerk, Bsn = TestApp.NextBsn(), Voorletters = "S.", Voorvoegsel = "de", Achternaam = "Vries",
        Geboortedatum = new DateOnly(1984, 2, 29), Straat = "Kerkstraat", Postcode = "9999AA", Huisnummer = 12, Huisnummertoevoeging = "b", Woonplaats = "Voorbeeld",
        Telefoon = "06 12345678", Email = "s.devries@voorbeeld.nl", Bedrag = 812.50m, MaandenAchterstand = 3, Signaaldatum = DateOnly.FromDateTime(received).AddDays(-1),
        Ontstaansdatum = DateOnly.FromDateTime(received).AddMonths(-3), Crisis = true, WarmeOverdracht = true, ReceivedAt = received,
        ReceivedOn = DateOnly.FromDateTime(received), Via = SignalRules.ViaImport, PersonId = Guid.CreateVersion7(), MatchedAt = received,
        MatchedHow = SignalRules.MatchedOnBsn, MatchedBy = "test-user", Status = Signaalstatus.NogNietOpgepakt,
    };

    /// <summary>A case of one signal, with a missed call and a home visit that reached the resident, closed on <paramref name="closedOn"/> (or open).</summary>
    private async Task<(Guid Zaak, Guid Signal)> CaseAsync(string kenmerk, DateOnly received, DateOnly? closedOn, Eindresultaat resultaat = Eindresultaat.GeenHulpNodig)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var receivedAt = received.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var signal = Signal(kenmerk, receivedAt);
        signal.PersonId = Guid.CreateVersion7();
        var zaak = Vroegsignaalzaak.Open(TestApp.Gemeentecode, Guid.CreateVersion7(), signal, true, ContactTermSettings.Default, receivedAt);
        var first = zaak.RecordAttempt(Contactsoort.Telefoon, received.AddDays(1), Dagdeel.Ochtend, false, "Voicemail ingesproken", "test-user", "Test", receivedAt.AddDays(1)).Poging!;
        var second = zaak.RecordAttempt(Contactsoort.Huisbezoek, received.AddDays(3), Dagdeel.Middag, true, "Sanne vertelt over haar schulden", "test-user", "Test", receivedAt.AddDays(3)).Poging!;
        if (closedOn is { } closed)
        {
            Assert.Null(zaak.Close(resultaat, "Afgestemd met de regisseur", [signal], "test-user", "Test", closed.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc)));
            if (DdasCodes.IsVervolghulp(resultaat)) zaak.LinkRequest(Guid.CreateVersion7());
        }
        db.AddRange(signal, zaak, first, second);
        await db.SaveChangesAsync();
        return (zaak.Id, signal.Id);
    }

    private async Task<Guid> UnmatchedAsync(string kenmerk, DateOnly received)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var signal = Signal(kenmerk, received.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
        signal.PersonId = null;
        signal.MatchedAt = null;
        signal.MatchedHow = null;
        signal.MatchedBy = null;
        db.Vroegsignalen.Add(signal);
        await db.SaveChangesAsync();
        return signal.Id;
    }

    private async Task<RetentionResult> RunAsync(bool dryRun)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(dryRun, default);
    }

    private async Task<T> InDbAsync<T>(Func<RegieDbContext, Task<T>> read)
    {
        await using var scope = _app.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<RegieDbContext>());
    }

    [Fact]
    public async Task Retention_clears_the_signals_of_cases_closed_before_the_municipalitys_term_and_keeps_what_ddas_counts()
    {
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.VroegsignaleringSettings.Add(new VroegsignaleringSettings { Gemeentecode = TestApp.Gemeentecode, RetentionMonths = TermMonths, Version = 1 });
            await db.SaveChangesAsync();
        }
        var cutoff = Today.AddMonths(-TermMonths);
        // Closed the day before the term's first day: past it. Closed on that day: still within it, however old the signal.
        var expired = await CaseAsync("HUUR-1", cutoff.AddMonths(-2), cutoff.AddDays(-1));
        var kept = await CaseAsync("HUUR-2", cutoff.AddMonths(-2), cutoff);
        var vervolghulp = await CaseAsync("HUUR-3", cutoff.AddMonths(-3), cutoff.AddDays(-20), Eindresultaat.VervolghulpFinancieel);
        // An open case keeps its signals, even one that came in two years ago.
        var open = await CaseAsync("HUUR-4", Today.AddYears(-2), closedOn: null);
        // Never matched: counted from receipt.
        var unmatchedOld = await UnmatchedAsync("HUUR-5", cutoff.AddDays(-1));
        var unmatchedNew = await UnmatchedAsync("HUUR-6", cutoff);

        Assert.Equal(new RetentionResult(true, 0, 0, 0, 0, EarlySignals: 3, EarlySignalCases: 2), await RunAsync(dryRun: true));
        Assert.Equal(0, await InDbAsync(db => db.Vroegsignalen.CountAsync(s => s.AnonymisedAt != null)));
        // The run by hand says what it did, next to the other steps.
        string[] database = [$"--Database:Provider={_app.Database.Provider}", $"--Database:ConnectionString={_app.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning"];
        var cli = await ConsoleCollection.RunAsync(["retention", "run", .. database]);
        Assert.Equal(0, cli.Exit);
        Assert.Contains("Geanonimiseerd: 0 huishoudens, 0 personen, 0 gebeurtenissen, 3 vroegsignalen, 2 vroegsignaalzaken; verwijderd: 0 meldcodetrajecten.", cli.Output, StringComparison.Ordinal);

        var signals = await InDbAsync(db => db.Vroegsignalen.AsNoTracking().ToDictionaryAsync(s => s.Id));
        foreach (var id in new[] { expired.Signal, vervolghulp.Signal, unmatchedOld })
        {
            var s = signals[id];
            Assert.Equal((null, null, null, null, null), (s.Kenmerk, s.Bsn, s.Voorletters, s.Voorvoegsel, s.Achternaam));
            Assert.Equal((null, null, null, null, null, null), (s.Geboortedatum, s.Straat, s.Postcode, s.Huisnummer, s.Huisnummertoevoeging, s.Woonplaats));
            Assert.Equal((null, null, null, null, null), (s.Telefoon, s.Email, s.PersonId, s.HouseholdId, s.MatchedBy));
            Assert.NotNull(s.AnonymisedAt);
            // What DDAS counts stays.
            Assert.Equal((Partner, "Woningcorporatie Thuis", SignaalpartnerSoort.Huur, 812.50m, 3, true, true),
                (s.PartnerOrganisationId, s.PartnerName, s.PartnerSoort, s.Bedrag, s.MaandenAchterstand, s.Crisis, s.WarmeOverdracht));
            Assert.Equal((s.ReceivedOn.AddDays(-1), s.ReceivedOn.AddMonths(-3)), (s.Signaaldatum, s.Ontstaansdatum!.Value));
        }
        Assert.Equal((expired.Zaak, Signaalstatus.Opgepakt), (signals[expired.Signal].ZaakId!.Value, signals[expired.Signal].Status));
        Assert.Equal(Signaalstatus.NogNietOpgepakt, signals[unmatchedOld].Status);
        foreach (var id in new[] { kept.Signal, open.Signal, unmatchedNew })
        {
            var s = signals[id];
            Assert.Null(s.AnonymisedAt);
            Assert.Equal(("Vries", "9999AA", "06 12345678"), (s.Achternaam, s.Postcode, s.Telefoon));
            Assert.NotNull(s.Kenmerk);
            Assert.NotNull(s.Bsn);
        }

        var cases = await InDbAsync(db => db.Vroegsignaalzaken.AsNoTracking().ToDictionaryAsync(z => z.Id));
        foreach (var id in new[] { expired.Zaak, vervolghulp.Zaak })
        {
            var z = cases[id];
            Assert.Equal((null, null), (z.HouseholdId, z.ClosingNote));
            Assert.NotNull(z.Resultaat);
            Assert.NotNull(z.OpgepaktOn);
            Assert.True(z.Crisis);
        }
        Assert.Equal((Eindresultaat.GeenHulpNodig, cutoff.AddDays(-1)), (cases[expired.Zaak].Resultaat!.Value, cases[expired.Zaak].ClosedOn!.Value));
        // Vervolghulp: the request it opened is part of the household's file, under that file's term; the case keeps its link.
        Assert.NotNull(cases[vervolghulp.Zaak].RequestId);
        Assert.Equal(("Afgestemd met de regisseur", true), (cases[kept.Zaak].ClosingNote, cases[kept.Zaak].HouseholdId is not null));
        Assert.NotNull(cases[open.Zaak].HouseholdId);

        var attempts = await InDbAsync(db => db.Contactpogingen.AsNoTracking().OrderBy(p => p.Datum).ToListAsync());
        Assert.Equal([(Contactsoort.Telefoon, Dagdeel.Ochtend, false, (string?)null), (Contactsoort.Huisbezoek, Dagdeel.Middag, true, null)],
            attempts.Where(p => p.ZaakId == expired.Zaak).Select(p => (p.Soort, p.Dagdeel, p.Bereikt, p.Note)).ToList());
        Assert.Equal([cutoff.AddMonths(-2).AddDays(1), cutoff.AddMonths(-2).AddDays(3)], attempts.Where(p => p.ZaakId == expired.Zaak).Select(p => p.Datum).ToList());
        Assert.Equal([null, null], attempts.Where(p => p.ZaakId == vervolghulp.Zaak).Select(p => p.Note).ToList());
        Assert.Equal(["Voicemail ingesproken", "Sanne vertelt over haar schulden"], attempts.Where(p => p.ZaakId == kept.Zaak).Select(p => p.Note!).ToList());

        // The trail says what went, per municipality, with the term.
        Assert.Equal([$"gemeente {TestApp.Gemeentecode}: 3 vroegsignalen geanonimiseerd, 2 vroegsignaalzaken ontdaan van huishouden en notities; bewaartermijn 6 maanden verstreken"],
            await InDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Retention && a.Resource == AuditResources.EarlySignal).Select(a => a.Detail!).ToListAsync()));

        // Again: nothing left to do, nothing changed.
        Assert.Equal(new RetentionResult(false, 0, 0, 0, 0, 0, 0), await RunAsync(dryRun: false));
        Assert.Equal(signals[expired.Signal].AnonymisedAt, await InDbAsync(db => db.Vroegsignalen.Where(s => s.Id == expired.Signal).Select(s => s.AnonymisedAt).SingleAsync()));
        Assert.Equal(1, await InDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Retention && a.Resource == AuditResources.EarlySignal)));

        // The partner's old reference is free again: a new signal under it is taken in.
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.Vroegsignalen.Add(Signal("HUUR-1", Now));
            await db.SaveChangesAsync();
        }
    }
}
