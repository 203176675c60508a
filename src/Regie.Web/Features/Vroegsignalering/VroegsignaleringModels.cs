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
