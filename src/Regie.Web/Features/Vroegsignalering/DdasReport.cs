using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>The DDAS delivery (VNG exchange model v0.9, <c>json_schema_Uitwisselmodel</c>): the names are the standard's.</summary>
[LeavesOutEmptyFields]
public sealed record DdasLevering(
    [property: JsonPropertyName("codeGegevensleverancier")] string CodeGegevensleverancier,
    [property: JsonPropertyName("startdatumLevering")] DateOnly StartdatumLevering,
    [property: JsonPropertyName("einddatumLevering")] DateOnly EinddatumLevering,
    [property: JsonPropertyName("aanleverdatumEnTijd")] string AanleverdatumEnTijd,
    [property: JsonPropertyName("leveringen")] IReadOnlyList<DdasGemeenteLevering> Leveringen);

[LeavesOutEmptyFields]
public sealed record DdasGemeenteLevering(
    [property: JsonPropertyName("teller")] int Teller,
    [property: JsonPropertyName("gemeentecode")] string Gemeentecode,
    [property: JsonPropertyName("aanleverende_organisatie")] DdasOrganisatie AanleverendeOrganisatie,
    [property: JsonPropertyName("vroegsignalen")] IReadOnlyList<DdasVroegsignaal> Vroegsignalen,
    [property: JsonPropertyName("vroegsignaalzaken")] IReadOnlyList<DdasZaak> Vroegsignaalzaken);

[LeavesOutEmptyFields]
public sealed record DdasOrganisatie(
    [property: JsonPropertyName("naam")] string Naam,
    [property: JsonPropertyName("kvk-nummer")] string? KvkNummer,
    [property: JsonPropertyName("contactpersoonen")] IReadOnlyList<DdasContactpersoon> Contactpersoonen);

[LeavesOutEmptyFields]
public sealed record DdasContactpersoon(
    [property: JsonPropertyName("naam")] string Naam,
    [property: JsonPropertyName("telefoonnummer")] string? Telefoonnummer,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("functietitel")] string? Functietitel);

[LeavesOutEmptyFields]
public sealed record DdasVroegsignaal(
    [property: JsonPropertyName("ID")] string Id,
    [property: JsonPropertyName("crisissignaal")] bool Crisissignaal,
    [property: JsonPropertyName("warmeOverdracht")] bool WarmeOverdracht,
    [property: JsonPropertyName("bedrag")] long Bedrag,
    [property: JsonPropertyName("ontstaansdatum")] DateOnly? Ontstaansdatum,
    [property: JsonPropertyName("signaaldatum")] DateOnly Signaaldatum,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("signaalpartner")] DdasSignaalpartner Signaalpartner,
    [property: JsonPropertyName("client")] DdasClient Client);

[LeavesOutEmptyFields]
public sealed record DdasSignaalpartner([property: JsonPropertyName("type")] string Type);

/// <summary>The resident as the signal partner named them; empty once retention removed the personal data.</summary>
[LeavesOutEmptyFields]
public sealed record DdasClient(
    [property: JsonPropertyName("Burgerservicenummer")] string? Burgerservicenummer,
    [property: JsonPropertyName("Voorletters")] string? Voorletters,
    [property: JsonPropertyName("Voorvoegsel")] string? Voorvoegsel,
    [property: JsonPropertyName("Achternaam")] string? Achternaam,
    [property: JsonPropertyName("Geboortedatum")] DateOnly? Geboortedatum,
    [property: JsonPropertyName("Straatnaam")] string? Straatnaam,
    [property: JsonPropertyName("Postcode")] string? Postcode,
    [property: JsonPropertyName("Huisnummer")] string? Huisnummer,
    [property: JsonPropertyName("Huisnummertoevoeging")] string? Huisnummertoevoeging,
    [property: JsonPropertyName("Plaatsnaam")] string? Plaatsnaam);

[LeavesOutEmptyFields]
public sealed record DdasZaak(
    [property: JsonPropertyName("resultaat")] string? Resultaat,
    [property: JsonPropertyName("matchingsdatum")] DateOnly Matchingsdatum,
    [property: JsonPropertyName("datum_opgepakt")] DateOnly? DatumOpgepakt,
    [property: JsonPropertyName("vroegsignalen")] IReadOnlyList<DdasSignaalVerwijzing> Vroegsignalen,
    [property: JsonPropertyName("contactpogingen")] IReadOnlyList<DdasContactpoging> Contactpogingen);

[LeavesOutEmptyFields]
public sealed record DdasSignaalVerwijzing([property: JsonPropertyName("ID")] string Id);

[LeavesOutEmptyFields]
public sealed record DdasContactpoging(
    [property: JsonPropertyName("soort")] string Soort,
    [property: JsonPropertyName("bereikt")] bool Bereikt,
    [property: JsonPropertyName("datum")] DateOnly Datum,
    [property: JsonPropertyName("dagdeel")] string Dagdeel);

/// <summary>What a delivery holds, for the page and the CLI: signals per partner kind, cases per outcome (open ones as "Nog open").</summary>
public sealed record DdasTelling(DateOnly Van, DateOnly Tot, int Signalen, int Zaken, int Afgesloten, int Contactpogingen, int Bereikt,
    IReadOnlyList<(string Label, int Aantal)> PerSignaalpartner, IReadOnlyList<(string Label, int Aantal)> PerResultaat);

public sealed record DdasReportResult(DdasLevering Levering, DdasTelling Telling);

/// <summary>What a delivery is made for; on the audit trail. A file or an API answer leaves Regie (export); the page's counts are read there.</summary>
public enum DdasPurpose
{
    File,
    Api,
    Counts,
}

/// <summary>
/// The period's DDAS delivery for CBS: the signals received from <c>van</c> to <c>tot</c> (inclusive), the cases those signals belong
/// to with their attempts and outcomes, the municipality as <c>gemeentecode</c> and the delivering organisation and contact from
/// the vroegsignalering settings. Three projected, untracked queries whatever the size (the cases and attempts by a semi-join on the
/// period's signals, no id lists); signals anonymised by retention still count, with an empty client. Every generation is on the
/// audit trail. Without the settings' DDAS contact it refuses (<see cref="DdasDelivery.SettingsIncompleteCode"/>): never a file CBS
/// would refuse.
/// </summary>
public sealed class DdasReport(RegieDbContext db, CurrentUser user, VroegsignaleringSettingsReader settingsReader, AuditLog audit, TimeProvider clock)
{
    /// <summary>The file: indented, without empty fields (the standard's optional fields are left out rather than null).</summary>
    public static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    /// <summary>The API's answer: the same without indentation.</summary>
    public static readonly JsonSerializerOptions ApiJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private const string OpenLabel = "Nog open";
    private const string WithoutClients = ", zonder persoonsgegevens";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static string FileName(DateOnly van, DateOnly tot, string gemeentecode) =>
        $"ddas-{gemeentecode}-{van.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{tot.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.json";

    /// <param name="van">First day of the period, dd-mm-jjjj or jjjj-mm-dd.</param>
    /// <param name="tot">Last day of the period, inclusive.</param>
    /// <param name="purpose">What the generation is for, on the audit trail: the download, the API answer, the counts on the page.</param>
    public async Task<CommandResult<DdasReportResult>> BuildAsync(string? van, string? tot, DdasPurpose purpose, CancellationToken ct, string vanField = "van", string totField = "tot")
    {
        if (user.Gemeentecode is not { } gemeente) return CommandResult<DdasReportResult>.Forbidden();
        var errors = new ErrorList();
        var period = DdasDelivery.ReadPeriod(van, tot, Today, vanField, totField, errors);
        if (period is not { } p) return CommandResult<DdasReportResult>.Invalid(errors.Errors);
        var settings = await settingsReader.GetAsync(gemeente, ct);
        var deliverer = new DdasDeliverer(settings.CodeGegevensleverancier, settings.LeverancierNaam, settings.KvkNummer, settings.ContactNaam,
            settings.ContactTelefoon, settings.ContactEmail, settings.ContactFunctie);
        if (DdasDelivery.CheckDeliverer(deliverer) is { } incomplete) return CommandResult<DdasReportResult>.Invalid(incomplete);

        var (from, to) = p;
        // Policy reads figures, never persons (SECURITY.md): its delivery leaves out the residents' personal data, an empty client
        // block (DDAS requires the block, not its fields); the counts are the same. The workers and the command line, who deliver to CBS, get it whole.
        var withClients = user.IsSystem || user.Role == Infrastructure.Roles.Vroegsignalering;
        var inPeriod = db.Vroegsignalen.Where(s => s.ReceivedOn >= from && s.ReceivedOn <= to);
        var signals = await inPeriod.AsNoTracking().OrderBy(s => s.ReceivedOn).ThenBy(s => s.Id)
            .Select(s => new SignalRow(s.Id, s.ZaakId, s.PartnerSoort, s.Crisis, s.WarmeOverdracht, s.Bedrag, s.Ontstaansdatum, s.Signaaldatum, s.Status,
                s.Bsn, s.Voorletters, s.Voorvoegsel, s.Achternaam, s.Geboortedatum, s.Straat, s.Postcode, s.Huisnummer, s.Huisnummertoevoeging, s.Woonplaats))
            .ToListAsync(ct);
        var cases = await db.Vroegsignaalzaken.AsNoTracking().Where(z => inPeriod.Any(s => s.ZaakId == z.Id)).OrderBy(z => z.OpenedOn).ThenBy(z => z.Id)
            .Select(z => new CaseRow(z.Id, z.Resultaat, z.MatchedOn, z.OpgepaktOn)).ToListAsync(ct);
        var attempts = (await db.Contactpogingen.AsNoTracking().Where(c => inPeriod.Any(s => s.ZaakId == c.ZaakId))
                .Select(c => new AttemptRow(c.ZaakId, c.Soort, c.Bereikt, c.Datum, c.Dagdeel, c.RecordedAt)).ToListAsync(ct))
            .OrderBy(a => a.Datum).ThenBy(a => a.Dagdeel).ThenBy(a => a.RecordedAt).ToLookup(a => a.ZaakId);
        var signalsOfCase = signals.Where(s => s.ZaakId is not null).ToLookup(s => s.ZaakId!.Value, s => s.Id);

        var levering = new DdasLevering(deliverer.CodeGegevensleverancier!.Trim(), from, to,
            clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            [new DdasGemeenteLevering(DdasDelivery.Teller, gemeente, Organisatie(deliverer), signals.Select(x => Signal(x, withClients)).ToList(),
                cases.Select(z => new DdasZaak(z.Resultaat is { } r ? DdasCodes.Label(r) : null, z.MatchedOn, z.OpgepaktOn,
                    signalsOfCase[z.Id].Select(id => new DdasSignaalVerwijzing(Id(id))).ToList(),
                    attempts[z.Id].Select(a => new DdasContactpoging(DdasCodes.Label(a.Soort), a.Bereikt, a.Datum, DdasCodes.Label(a.Dagdeel))).ToList())).ToList())]);

        var allAttempts = attempts.SelectMany(a => a).ToList();
        var telling = new DdasTelling(from, to, signals.Count, cases.Count, cases.Count(z => z.Resultaat is not null), allAttempts.Count, allAttempts.Count(a => a.Bereikt),
            DdasCodes.PartnerSoorten.Select(k => (DdasCodes.Label(k), signals.Count(s => s.PartnerSoort == k))).Where(x => x.Item2 > 0).ToList(),
            DdasCodes.Eindresultaten.Select(r => (DdasCodes.Label(r), cases.Count(z => z.Resultaat == r))).Where(x => x.Item2 > 0)
                .Append((OpenLabel, cases.Count(z => z.Resultaat is null))).Where(x => x.Item2 > 0).ToList());
        var detail = $"DDAS-levering {DutchDate.Format(from)} t/m {DutchDate.Format(to)} ({Label(purpose)}{(withClients ? "" : WithoutClients)}): "
            + $"{telling.Signalen} signalen, {telling.Zaken} zaken, {telling.Contactpogingen} contactpogingen";
        // The page's counts are read in Regie; a file or an API answer leaves it.
        if (purpose == DdasPurpose.Counts) await audit.RecordAsync(AuditActions.Read, AuditResources.DdasReport, detail: detail, ct: ct);
        else await audit.RecordAsync(AuditActions.Export, AuditResources.DdasReport, detail: detail, ct: ct);
        return CommandResult<DdasReportResult>.Ok(new DdasReportResult(levering, telling));
    }

    private static string Label(DdasPurpose purpose) => purpose switch
    {
        DdasPurpose.File => "bestand",
        DdasPurpose.Api => "API",
        _ => "telling op de pagina",
    };

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static DdasOrganisatie Organisatie(DdasDeliverer d) =>
        new(d.Naam!.Trim(), Blank(d.KvkNummer), [new DdasContactpersoon(d.ContactNaam!.Trim(), Blank(d.ContactTelefoon), Blank(d.ContactEmail), Blank(d.ContactFunctie))]);

    private static DdasVroegsignaal Signal(SignalRow s, bool withClient) =>
        new(Id(s.Id), s.Crisis, s.WarmeOverdracht, DdasDelivery.WholeEuros(s.Bedrag), s.Ontstaansdatum, s.Signaaldatum, DdasCodes.Label(s.Status),
            new DdasSignaalpartner(DdasCodes.Label(s.PartnerSoort)), !withClient ? NoClient :
            new DdasClient(Blank(s.Bsn), Blank(s.Voorletters), Blank(s.Voorvoegsel), Blank(s.Achternaam), s.Geboortedatum, Blank(s.Straat), Blank(s.Postcode),
                s.Huisnummer?.ToString(CultureInfo.InvariantCulture), Blank(s.Toevoeging), Blank(s.Woonplaats)));

    /// <summary>The client of a signal without the resident's data (DDAS requires the block, not its fields): retention's and policy's.</summary>
    private static readonly DdasClient NoClient = new(null, null, null, null, null, null, null, null, null, null);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private sealed record SignalRow(Guid Id, Guid? ZaakId, SignaalpartnerSoort PartnerSoort, bool Crisis, bool WarmeOverdracht, decimal Bedrag, DateOnly? Ontstaansdatum,
        DateOnly Signaaldatum, Signaalstatus Status, string? Bsn, string? Voorletters, string? Voorvoegsel, string? Achternaam, DateOnly? Geboortedatum, string? Straat,
        string? Postcode, int? Huisnummer, string? Toevoeging, string? Woonplaats);

    private sealed record CaseRow(Guid Id, Eindresultaat? Resultaat, DateOnly MatchedOn, DateOnly? OpgepaktOn);

    private sealed record AttemptRow(Guid ZaakId, Contactsoort Soort, bool Bereikt, DateOnly Datum, Dagdeel Dagdeel, DateTime RecordedAt);
}
