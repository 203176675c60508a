namespace Regie.Domain.IStandaarden;

/// <summary>
/// The WJ001 retour codes (iWmo/iJw 3.2) Regie answers a received message with: the standard's code, so a provider's system
/// recognises it, with Regie's Dutch explanation of what was wrong in this message. One home for every code Regie uses.
/// </summary>
public static class Retourcodes
{
    /// <summary>Bericht is afgekeurd om technische redenen: not XML, or not valid against its XSD.</summary>
    public const string Technisch = "0001";
    /// <summary>Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen (TR135).</summary>
    public const string DagtekeningInToekomst = "8848";
    /// <summary>Identificatie moet uniek zijn (TR056): the sender used this message identification before.</summary>
    public const string IdentificatieNietUniek = "9056";
    /// <summary>Gemeentecode ongeldig (TR378): the message is addressed to another municipality.</summary>
    public const string GemeentecodeOngeldig = "S300";
    /// <summary>ProductCode ongeldig (TR381): the provider has no contract for the product.</summary>
    public const string ProductCodeOngeldig = "S329";
    /// <summary>Het regiebericht kan niet gekoppeld worden aan een toewijzing (TR019): unknown, another provider's, another client's, or outside its period.</summary>
    public const string NietGekoppeld = "9019";
    /// <summary>Geen actueel startbericht met dezelfde sleutel (TR069): a stop without a start.</summary>
    public const string GeenStart = "9069";
    /// <summary>Er is al een eerder bericht ontvangen met dezelfde sleutel (TR074).</summary>
    public const string SleutelAlOntvangen = "9074";
    /// <summary>De actuele levering is nog niet gestopt met een stopbericht (TR326).</summary>
    public const string NogNietGestopt = "9326";
    /// <summary>ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein (TR347).</summary>
    public const string ReferentieNietUniek = "9347";
    /// <summary>TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer (TR351).</summary>
    public const string TeWijzigenOnbekend = "9351";
    /// <summary>Er is al een verzoek onderhanden (TR374).</summary>
    public const string VerzoekOnderhanden = "9374";

    /// <summary>The meaning the standard gives each code, shown beside Regie's own explanation.</summary>
    public static readonly IReadOnlyDictionary<string, string> Betekenis = new Dictionary<string, string>
    {
        [Technisch] = "Bericht is afgekeurd om technische redenen.",
        [DagtekeningInToekomst] = "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
        [IdentificatieNietUniek] = "Identificatie moet uniek zijn.",
        [GemeentecodeOngeldig] = "Gemeentecode ongeldig.",
        [ProductCodeOngeldig] = "ProductCode ongeldig.",
        [NietGekoppeld] = "Het regiebericht kan niet gekoppeld worden aan een toewijzing.",
        [GeenStart] = "Er is geen actueel startbericht met dezelfde sleutel.",
        [SleutelAlOntvangen] = "Er is al een eerder bericht ontvangen met dezelfde sleutel.",
        [NogNietGestopt] = "De actuele levering is nog niet gestopt met een Stopbericht.",
        [ReferentieNietUniek] = "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein.",
        [TeWijzigenOnbekend] = "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.",
        [VerzoekOnderhanden] = "Er is al een verzoek onderhanden.",
    };
}

/// <summary>One reason a message is refused: the retour code, where in the message (an element path), and what was wrong.</summary>
public sealed record Retourmelding(string Retourcode, string Element, string Toelichting);
