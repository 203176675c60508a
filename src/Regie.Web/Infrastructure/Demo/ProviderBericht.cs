using Regie.Domain.Care;
using Regie.Domain.IStandaarden;
using Regie.Web.Features.Berichten;
using System.Globalization;
using System.Xml.Linq;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// Writes the messages a provider's system sends (305, 307, 315, 317 of iWmo or iJw 3.2) as its XSD describes them, for the demo's
/// providers and for the tests. Every message written is validated against its XSD, so a refusal Regie gives it is a rule's.
/// </summary>
public class ProviderBericht(LegalFramework framework, string afzender, string bsn, string ontvanger)
{
    public string Ontvanger { get; init; } = ontvanger;
    public string Identificatie { get; init; } = NewId();
    public DateOnly Dagtekening { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public static string NewId() => "T" + Guid.NewGuid().ToString("N")[..11];
    /// <summary>The client's birth date and surname as the provider knows them.</summary>
    public string Geboortedatum { get; init; } = "1948-03-12";
    public string Achternaam { get; init; } = "Berichtcliënt";
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private BerichtSoort Soort(BerichtType type) => BerichtSoorten.Of(framework, type);

    public string Start(params (int Nummer, DateOnly Begindatum)[] products) => Build(BerichtType.Start, m =>
    [
        .. Person(m),
        new XElement(m + "StartProducten", products.Select(p => new XElement(m + "StartProduct",
            new XElement(m + "ToewijzingNummer", p.Nummer), new XElement(m + "Begindatum", Date(p.Begindatum)), new XElement(m + "StatusAanlevering", "1")))),
    ]);

    public string Stop(params (int Nummer, DateOnly Begindatum, DateOnly Einddatum, string Reden)[] products) => Build(BerichtType.Stop, m =>
    [
        .. Person(m),
        new XElement(m + "StopProducten", products.Select(p => new XElement(m + "StopProduct",
            new XElement(m + "ToewijzingNummer", p.Nummer), new XElement(m + "Begindatum", Date(p.Begindatum)), new XElement(m + "RedenBeeindiging", p.Reden),
            new XElement(m + "Einddatum", Date(p.Einddatum)), new XElement(m + "StatusAanlevering", "1")))),
    ]);

    /// <summary>A 315 asking for the products, each with its ReferentieAanbieder.</summary>
    public string Request(params (string Referentie, string Categorie, DateOnly Van, int Volume)[] products) => Build(BerichtType.VerzoekOmToewijzing, m =>
    [
        .. Person(m),
        new XElement(m + "AangevraagdeProducten", products.Select(p => new XElement(m + "AangevraagdProduct",
            new XElement(m + "ReferentieAanbieder", p.Referentie),
            new XElement(m + "Product", new XElement(B + "Categorie", p.Categorie)),
            new XElement(m + "ToewijzingIngangsdatum", Date(p.Van)),
            new XElement(m + "ToewijzingEinddatum", Date(p.Van.AddMonths(6))),
            new XElement(m + "Omvang", new XElement(B + "Volume", p.Volume), new XElement(B + "Eenheid", "04"), new XElement(B + "Frequentie", "2")),
            new XElement(m + "Verwijzer", new XElement(B + "Type", "01"))))),
    ]);

    /// <summary>A 317 asking to change assignments (a new start date and volume) and keeping others as they are.</summary>
    public string ChangeRequest(string referentie, int[] teWijzigen, int[]? ongewijzigd = null) => Build(BerichtType.VerzoekOmWijziging, m =>
    [
        new XElement(m + "Bsn", bsn),
        new XElement(m + "Verzoek",
            new XElement(m + "ReferentieAanbieder", referentie),
            new XElement(m + "RedenVerzoek", "1"),
            ongewijzigd is { Length: > 0 } ? new XElement(m + "OngewijzigdeProducten", ongewijzigd.Select(n => new XElement(m + "OngewijzigdProduct", new XElement(m + "ToewijzingNummer", n)))) : null,
            new XElement(m + "TeWijzigenProducten", teWijzigen.Select(n => new XElement(m + "TeWijzigenProduct",
                new XElement(m + "ToewijzingNummer", n), new XElement(m + "GewensteIngangsdatum", Date(Dagtekening.AddDays(7))),
                new XElement(m + "Omvang", new XElement(B + "Volume", 5), new XElement(B + "Eenheid", "04"), new XElement(B + "Frequentie", "2")))))),
    ]);

    private XNamespace B => BerichtSoorten.BasisNamespace(framework);

    private object[] Person(XNamespace m) =>
    [
        new XElement(m + "Bsn", bsn),
        new XElement(m + "Geboortedatum", new XElement(B + "Datum", Geboortedatum)),
        new XElement(m + "Geslacht", "0"),
        new XElement(m + "Naam", new XElement(B + "Geslachtsnaam", new XElement(B + "Achternaam", Achternaam))),
    ];

    private string Build(BerichtType type, Func<XNamespace, object[]> client)
    {
        var soort = Soort(type);
        XNamespace m = soort.Namespace;
        var doc = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(m + "Bericht",
            new XAttribute(XNamespace.Xmlns + soort.Naam.ToLowerInvariant(), m.NamespaceName),
            new XAttribute(XNamespace.Xmlns + (framework == LegalFramework.Jeugdwet ? "ijw" : "iwmo"), B.NamespaceName),
            new XElement(m + "Header",
                new XElement(m + "BerichtCode", soort.BerichtCode), new XElement(m + "BerichtVersie", "3"), new XElement(m + "BerichtSubversie", "2"),
                new XElement(m + "Afzender", afzender), new XElement(m + "Ontvanger", Ontvanger),
                new XElement(m + "BerichtIdentificatie", new XElement(B + "Identificatie", Identificatie), new XElement(B + "Dagtekening", Date(Dagtekening))),
                new XElement(m + "XsdVersie", new XElement(B + "BasisschemaXsdVersie", "1.0.0"), new XElement(B + "BerichtXsdVersie", "1.0.0"))),
            new XElement(m + "Client", client(m))));
        var problems = BerichtSchemas.Validate(doc, soort);
        if (problems.Count > 0) throw new InvalidOperationException($"The {soort.Naam} written does not validate: {string.Join("; ", problems)}");
        return doc.Declaration + "\n" + doc.ToString();
    }
}
