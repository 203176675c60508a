using Regie.Domain.Vroegsignalering;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>One open (or recently closed) case on the worklist.</summary>
public sealed record WorklistItem(Guid Id, Guid? HuishoudenId, string Huishouden, string Adres, IReadOnlyList<SignaalpartnerSoort> Partners, decimal Bedrag,
    int Signalen, bool DreigendeUitzettingOfAfsluiting, DateOnly Ontvangen, DateOnly Termijn, TermStand Stand, int Contactpogingen, bool Bereikt,
    bool AlGeholpen, Eindresultaat? Resultaat, DateOnly? AfgeslotenOp);

/// <param name="Totaal">How many cases the list has; at most <see cref="VroegsignaleringQueries.PageSize"/> are in <paramref name="Zaken"/>.</param>
public sealed record WorklistView(IReadOnlyList<WorklistItem> Zaken, int Totaal, int TeLaat, int BijnaTeLaat, bool Afgesloten);

public sealed record CaseMemberView(Guid Id, string Naam, DateOnly Geboortedatum, bool Gekoppeld);

/// <summary>Who already helps the household: the team and the coordinator, to call before calling the resident.</summary>
public sealed record CaseCoordinationView(string Team, string? Regisseur, string? Telefoon, string? Email);

public sealed record CaseSignalView(Guid Id, string Partner, SignaalpartnerSoort Soort, string? Kenmerk, decimal Bedrag, int Maanden, DateOnly Signaaldatum,
    DateOnly Ontvangen, bool DreigendeUitzettingOfAfsluiting, bool WarmeOverdracht, string? Naam, string? Telefoon, string? Email, Signaalstatus Status);

public sealed record CaseAttemptView(Guid Id, Contactsoort Soort, DateOnly Datum, Dagdeel Dagdeel, bool Bereikt, string? Toelichting, string Door);

public sealed record CaseClosingView(Eindresultaat Resultaat, string Omschrijving, DateOnly Op, string Door, string? Toelichting, Guid? HulpvraagId);

public sealed record CaseView(Guid Id, int Versie, bool Open, Guid? HuishoudenId, string Huishouden, string Adres, IReadOnlyList<CaseMemberView> Leden,
    CaseCoordinationView? Regie, IReadOnlyList<CaseSignalView> Signalen, IReadOnlyList<CaseAttemptView> Contactpogingen, DateOnly Ontvangen, DateOnly Termijn,
    TermStand Stand, bool DreigendeUitzettingOfAfsluiting, CaseClosingView? Afsluiting);

public sealed class ContactAttemptInput
{
    [Required, Description("Mail, Brief, SmsWhatsapp (of 'SMS/Whatsapp'), Telefoon, Huisbezoek, Kaartje, Overige of Administratief: de DDAS-contactsoorten.")]
    public string? Soort { get; set; }
    [Required, Description("De dag van de poging, jjjj-mm-dd of dd-mm-jjjj: niet in de toekomst, niet voor de ontvangst van het eerste signaal van de zaak.")]
    public string? Datum { get; set; }
    [Required, Description("Ochtend (tot 12 uur), Middag (12 tot 18 uur) of Avond.")] public string? Dagdeel { get; set; }
    [Description("Is de inwoner bereikt? Een brief of kaartje zonder antwoord is niet bereikt.")] public bool Bereikt { get; set; }
    [Description("Korte toelichting voor de collega's (maximaal 500 tekens); komt nooit in de DDAS-levering.")] public string? Toelichting { get; set; }
    [Required, Description("De versie van de zaak die u las (GET .../zaken/{id}); 409 als de zaak intussen is gewijzigd.")] public int? Versie { get; set; }
}

public sealed class CloseCaseInput
{
    [Required, Description("Het DDAS-eindresultaat, als naam (bijvoorbeeld VervolghulpFinancieel) of als DDAS-waarde ('Vervolghulp en/of verwijzing financieel').")]
    public string? Resultaat { get; set; }
    [Description("Korte toelichting (maximaal 500 tekens); komt nooit in de DDAS-levering.")] public string? Toelichting { get; set; }
    [Description("Alleen bij vervolghulp: wat de inwoner vraagt, voor de hulpvraag die het team oppakt (maximaal 2000 tekens). Leeg: een standaardtekst met de signaalpartners.")]
    public string? Hulpvraag { get; set; }
    [Required, Description("De versie van de zaak die u las; 409 als de zaak intussen is gewijzigd.")] public int? Versie { get; set; }
}

/// <param name="HulpvraagId">The request for help opened by a "Vervolghulp" outcome; null for every other outcome.</param>
public sealed record CloseCaseAnswer(Eindresultaat Resultaat, Guid? HulpvraagId, int Versie);

/// <summary>A signal of payment arrears as a signal partner sends it (POST /api/v1/vroegsignalen).</summary>
public sealed class SignalInput
{
    [Required, Description("Uw eigen referentie van dit signaal (maximaal 100 tekens). Met uw organisatie identificeert het het signaal: hetzelfde kenmerk nog eens sturen maakt niets dubbel.")]
    public string? Kenmerk { get; set; }
    [Description("Het BSN van de inwoner, als u het heeft (9 cijfers, elfproef). Zonder BSN zijn achternaam, geboortedatum, postcode en huisnummer nodig.")]
    public string? Bsn { get; set; }
    [Description("Voorletters, bijvoorbeeld J.P.")] public string? Voorletters { get; set; }
    [Description("Voorvoegsel van de achternaam, bijvoorbeeld 'van der'.")] public string? Voorvoegsel { get; set; }
    [Description("Achternaam zonder voorvoegsel; nodig zonder BSN.")] public string? Achternaam { get; set; }
    [Description("Geboortedatum, jjjj-mm-dd of dd-mm-jjjj; nodig zonder BSN.")] public string? Geboortedatum { get; set; }
    public string? Straat { get; set; }
    [Description("Postcode, bijvoorbeeld 1234AB; nodig zonder BSN.")] public string? Postcode { get; set; }
    [Description("Huisnummer (1 tot en met 99999); nodig zonder BSN.")] public int? Huisnummer { get; set; }
    [Description("Huisletter of toevoeging, hoogstens 4 tekens.")] public string? Toevoeging { get; set; }
    public string? Woonplaats { get; set; }
    [Description("Telefoonnummer van de inwoner, bijvoorbeeld 06 12345678.")] public string? Telefoon { get; set; }
    [Description("E-mailadres van de inwoner.")] public string? Email { get; set; }
    [Required, Description("De achterstand in euro's, bijvoorbeeld 812.50: minstens 0.01, hoogstens 1000000, hoogstens twee decimalen.")]
    public decimal? Bedrag { get; set; }
    [Required, Description("Het aantal maanden achterstand, 1 tot en met 120.")] public int? Maanden { get; set; }
    [Required, Description("De signaaldatum, jjjj-mm-dd of dd-mm-jjjj: niet in de toekomst en niet meer dan 366 dagen geleden.")]
    public string? Signaaldatum { get; set; }
    [Description("De dag waarop de achterstand ontstond, als u die kent; niet na de signaaldatum.")] public string? Ontstaansdatum { get; set; }
    [Description("Dreigt uitzetting of afsluiting? Dan geldt de korte contacttermijn (standaard 3 werkdagen).")] public bool Crisis { get; set; }
    [Description("Had u al contact met de inwoner en draagt u warm over?")] public bool WarmeOverdracht { get; set; }

    public SignalFields ToFields() => new(Kenmerk, Bsn, Voorletters, Voorvoegsel, Achternaam, Geboortedatum, Straat, Postcode,
        Huisnummer?.ToString(System.Globalization.CultureInfo.InvariantCulture), Toevoeging, Woonplaats, Telefoon, Email,
        Amount(Bedrag), Maanden?.ToString(System.Globalization.CultureInfo.InvariantCulture), Signaaldatum,
        Ontstaansdatum, Crisis, WarmeOverdracht);

    /// <summary>
    /// A JSON number is an amount already: written with a decimal point and two decimals, so the Dutch reading of the monthly files
    /// (where 1.000 is a thousand) never applies to it; a number with more than two decimals is passed on as it is, which the rule refuses.
    /// </summary>
    private static string? Amount(decimal? bedrag) =>
        bedrag is not { } b ? null
        : decimal.Round(b, 2) == b ? b.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
        : "meer dan twee decimalen";
}

/// <summary>
/// What a signal partner gets back: the receipt of its own signal, never whether Regie knows the resident or what became of it.
/// </summary>
/// <param name="Nieuw">False when the partner sent this kenmerk before: nothing new was stored, the first receipt stands.</param>
public sealed record SignalReceipt(Guid Id, string Kenmerk, DateTime Ontvangen, bool Nieuw);

/// <summary>A registry person a signal could be about, for matching by hand.</summary>
public sealed record MatchCandidate(Guid PersoonId, string Naam, DateOnly Geboortedatum, string Adres, bool ZelfdeNaam, bool ZelfdeGeboortedatum, bool ZelfdeAdres);

/// <summary>A signal that waits to be matched by hand, with the people it could be about.</summary>
public sealed record UnmatchedSignal(Guid Id, string Partner, SignaalpartnerSoort Soort, string? Kenmerk, string? Naam, DateOnly? Geboortedatum, string? Adres,
    decimal Bedrag, DateOnly Ontvangen, bool DreigendeUitzettingOfAfsluiting, IReadOnlyList<MatchCandidate> Kandidaten);

public sealed record UnmatchedView(IReadOnlyList<UnmatchedSignal> Signalen, int Totaal);

public sealed class MatchSignalInput
{
    [Required, Description("De persoon uit de basisregistratie van Regie (een van de kandidaten, of een andere die u zelf vond).")]
    public Guid? PersoonId { get; set; }
}

/// <param name="ZaakId">The household's open vroegsignaalzaak the signal joined or opened.</param>
public sealed record MatchSignalAnswer(Guid ZaakId, Guid HuishoudenId);
