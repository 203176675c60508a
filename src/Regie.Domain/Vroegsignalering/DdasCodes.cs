namespace Regie.Domain.Vroegsignalering;

/// <summary>The kind of signal partner (DDAS <c>EnumSignaalpartner</c>). Stored by name; <see cref="DdasCodes.Label(SignaalpartnerSoort)"/> is the DDAS value.</summary>
public enum SignaalpartnerSoort
{
    Energie,
    Huur,
    Hypotheek,
    CakZorgverzekeringen,
    Zorg,
    Water,
    Duo,
    Belastingdienst,
    CakEigenBijdrage,
    Overige,
    DienstToeslagen,
}

/// <summary>How a contact attempt was made (DDAS <c>EnumContactsoort</c>).</summary>
public enum Contactsoort
{
    Mail,
    Brief,
    SmsWhatsapp,
    Telefoon,
    Huisbezoek,
    Kaartje,
    Overige,
    Administratief,
}

/// <summary>Part of the day of a contact attempt (DDAS <c>EnumDagdeel</c>): morning until 12:00, afternoon until 18:00, evening after.</summary>
public enum Dagdeel
{
    Ochtend,
    Middag,
    Avond,
}

/// <summary>How a vroegsignaalzaak ended (DDAS <c>EnumEindresultaat</c>), in the order of the DDAS model.</summary>
public enum Eindresultaat
{
    HerhaaldeMelding,
    OnterechtSignaal,
    Overleden,
    GeenInwoner,
    AndereReden,
    BekendBijSchuldhulp,
    AnderLopendTraject,
    GeenContact,
    GeenReactieNaContact,
    GeenHulpNodig,
    ZelfBetaald,
    BudgetadviesQuickFix,
    VervolghulpFinancieel,
    VerwijzingZonderContact,
    VervolghulpNietFinancieel,
}

/// <summary>The status of one signal (DDAS <c>EnumSignaalstatus</c>): not yet taken up, or why it was not taken up.</summary>
public enum Signaalstatus
{
    NogNietOpgepakt,
    Opgepakt,
    OnterechtSignaal,
    Overleden,
    GeenInwoner,
    HerhaaldeMelding,
    AndereReden,
}

/// <summary>
/// The DDAS exchange values (VNG, model v0.9) of Regie's vroegsignalering codes, both ways. The enums are stored by their C# name;
/// these labels are what the DDAS report, the API and the screens show, so the two never drift apart.
/// </summary>
public static class DdasCodes
{
    public static readonly IReadOnlyList<SignaalpartnerSoort> PartnerSoorten = Enum.GetValues<SignaalpartnerSoort>();
    public static readonly IReadOnlyList<Contactsoort> Contactsoorten = Enum.GetValues<Contactsoort>();
    public static readonly IReadOnlyList<Dagdeel> Dagdelen = Enum.GetValues<Dagdeel>();
    public static readonly IReadOnlyList<Eindresultaat> Eindresultaten = Enum.GetValues<Eindresultaat>();

    public static string Label(SignaalpartnerSoort s) => s switch
    {
        SignaalpartnerSoort.Energie => "Energie",
        SignaalpartnerSoort.Huur => "Huur",
        SignaalpartnerSoort.Hypotheek => "Hypotheek",
        SignaalpartnerSoort.CakZorgverzekeringen => "CAK Zorgverzekeringen",
        SignaalpartnerSoort.Zorg => "Zorg",
        SignaalpartnerSoort.Water => "Water",
        SignaalpartnerSoort.Duo => "DUO",
        SignaalpartnerSoort.Belastingdienst => "Belastingdienst",
        SignaalpartnerSoort.CakEigenBijdrage => "CAK Eigen bijdrage",
        SignaalpartnerSoort.Overige => "Overige",
        _ => "Dienst Toeslagen",
    };

    public static string Label(Contactsoort s) => s switch
    {
        Contactsoort.SmsWhatsapp => "SMS/Whatsapp",
        _ => s.ToString(),
    };

    public static string Label(Dagdeel d) => d.ToString();

    public static string Label(Eindresultaat r) => r switch
    {
        Eindresultaat.HerhaaldeMelding => "Niet opgepakt: herhaalde melding",
        Eindresultaat.OnterechtSignaal => "Niet opgepakt: onterecht signaal",
        Eindresultaat.Overleden => "Inwoner is overleden",
        Eindresultaat.GeenInwoner => "Persoon is geen inwoner (meer) in de gemeente",
        Eindresultaat.AndereReden => "Niet opgepakt: andere reden",
        Eindresultaat.BekendBijSchuldhulp => "Inwoner al bekend bij schuldhulpverlening",
        Eindresultaat.AnderLopendTraject => "Inwoner heeft al een ander lopend traject",
        Eindresultaat.GeenContact => "Definitief geen contact kunnen krijgen",
        Eindresultaat.GeenReactieNaContact => "Geen reactie na eerder contact",
        Eindresultaat.GeenHulpNodig => "Inwoner hoeft geen hulp vanuit vroegsignalering",
        Eindresultaat.ZelfBetaald => "Inwoner heeft zelf al betaald/betalingsregeling getroffen",
        Eindresultaat.BudgetadviesQuickFix => "(Budget)advies en/of quick fix",
        Eindresultaat.VervolghulpFinancieel => "Vervolghulp en/of verwijzing financieel",
        Eindresultaat.VerwijzingZonderContact => "Verwijzing zonder contact",
        _ => "Vervolghulp en/of verwijzing niet financieel",
    };

    /// <summary>
    /// The DDAS signal status: "Nog niet opgepakt" until the case is closed; a case closed as not taken up gives its signals that
    /// reason; a signal that was taken up has no status value of its own in DDAS and is reported without one (null).
    /// </summary>
    public static string? Label(Signaalstatus s) => s switch
    {
        Signaalstatus.NogNietOpgepakt => "Nog niet opgepakt",
        Signaalstatus.OnterechtSignaal => "Niet opgepakt: onterecht signaal",
        Signaalstatus.Overleden => "Inwoner is overleden",
        Signaalstatus.GeenInwoner => "Persoon is geen inwoner (meer) in de gemeente",
        Signaalstatus.HerhaaldeMelding => "Niet opgepakt: herhaalde melding",
        Signaalstatus.AndereReden => "Niet opgepakt: andere reden",
        _ => null,
    };

    /// <summary>The status a case's outcome gives its signals: the outcomes that mean "not taken up" carry over, every other one means taken up.</summary>
    public static Signaalstatus StatusAfter(Eindresultaat r) => r switch
    {
        Eindresultaat.HerhaaldeMelding => Signaalstatus.HerhaaldeMelding,
        Eindresultaat.OnterechtSignaal => Signaalstatus.OnterechtSignaal,
        Eindresultaat.Overleden => Signaalstatus.Overleden,
        Eindresultaat.GeenInwoner => Signaalstatus.GeenInwoner,
        Eindresultaat.AndereReden => Signaalstatus.AndereReden,
        _ => Signaalstatus.Opgepakt,
    };

    /// <summary>The outcomes after which the team follows up with a request for help (hulpvraag) for the household.</summary>
    public static bool IsVervolghulp(Eindresultaat r) => r is Eindresultaat.VervolghulpFinancieel or Eindresultaat.VervolghulpNietFinancieel;

    /// <summary>A value as typed: the enum name or the DDAS label, case-insensitively ("Huur", "CAK Zorgverzekeringen", "SmsWhatsapp").</summary>
    public static bool TryParse<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v) || int.TryParse(v, out _)) return false;
        if (Enum.TryParse(v, ignoreCase: true, out result) && Enum.IsDefined(result)) return true;
        foreach (var candidate in Enum.GetValues<T>())
        {
            var label = candidate switch
            {
                SignaalpartnerSoort s => Label(s),
                Contactsoort c => Label(c),
                Dagdeel d => Label(d),
                Eindresultaat e => Label(e),
                Signaalstatus st => Label(st),
                _ => null,
            };
            if (label is not null && string.Equals(label, v, StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }
        return false;
    }
}
