using Regie.Domain.IStandaarden;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Regie.Web.Features.Berichten;

/// <summary>
/// A received iWmo/iJw message as the intake reads it. The kind comes from the root element's namespace; the message's own
/// elements are in that namespace, the children of the basisschema's types (BerichtIdentificatie/Identificatie, Product/Categorie,
/// Omvang/Volume) in the basisschema's namespace: each schema qualifies its local elements with its own target namespace.
/// Only a document that validated against its XSD is read for its content; before that only the header is read, best effort,
/// for the record of a refusal.
/// </summary>
public sealed class IncomingBericht
{
    private IncomingBericht(BerichtSoort? soort, XDocument? document) => (Soort, Document) = (soort, document);

    public BerichtSoort? Soort { get; }
    public XDocument? Document { get; private set; }
    /// <summary>The XSD problems, or why the text is no message Regie takes in; empty when the content may be read.</summary>
    public IReadOnlyList<Retourmelding> Problems { get; private set; } = [];
    public bool IsValid => Problems.Count == 0 && Document is not null && Soort is not null;

    /// <summary>The root's namespace and name, without reading the rest: what kind of message it claims to be.</summary>
    public static IncomingBericht Read(string xml)
    {
        string? ns;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Safe);
            reader.MoveToContent();
            ns = reader.NamespaceURI;
        }
        catch (XmlException e)
        {
            return new IncomingBericht(null, null) { Problems = [Technisch("", $"Geen leesbare XML (regel {e.LineNumber}): {e.Message}")] };
        }
        var soort = BerichtSoorten.ByNamespace(ns);
        if (soort is null || soort.Type is not (BerichtType.Start or BerichtType.Stop or BerichtType.VerzoekOmToewijzing or BerichtType.VerzoekOmWijziging))
            return new IncomingBericht(soort, null)
            {
                Problems = [Technisch("Bericht", soort is null
                    ? $"Onbekend bericht (namespace '{ns}'). De gemeente ontvangt de iWmo- en iJw-berichten 305, 307, 315 en 317 van release 3.2."
                    : $"Een {soort.Naam} stuurt de gemeente zelf; zij ontvangt alleen de berichten 305, 307, 315 en 317.")],
            };
        var (document, problems) = BerichtSchemas.Parse(xml, soort);
        return new IncomingBericht(soort, document) { Problems = problems.Select(p => Technisch("Bericht", $"Voldoet niet aan het XSD van {soort.Naam}: {p}")).ToList() };
    }

    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private static Retourmelding Technisch(string element, string toelichting) => new(Retourcodes.Technisch, element, toelichting);

    public XNamespace M => Soort!.Namespace;
    public XNamespace B => BerichtSoorten.BasisNamespace(Soort!.Framework);

    public XElement Header => Document!.Root!.Element(M + "Header")!;
    public XElement Client => Document!.Root!.Element(M + "Client")!;

    public string? Afzender => IsValid ? Header.Element(M + "Afzender")!.Value : Find("Afzender");
    public string? Ontvanger => IsValid ? Header.Element(M + "Ontvanger")!.Value : Find("Ontvanger");
    public string? Identificatie => IsValid ? Header.Element(M + "BerichtIdentificatie")!.Element(B + "Identificatie")!.Value : Find("Identificatie");
    public DateOnly? Dagtekening => Date(IsValid ? Header.Element(M + "BerichtIdentificatie")!.Element(B + "Dagtekening")!.Value : Find("Dagtekening"));
    public string Bsn => Client.Element(M + "Bsn")!.Value;

    /// <summary>A header field of a document that did not validate: the first element with that name, if the text was XML at all.</summary>
    private string? Find(string name) =>
        Document?.Descendants().FirstOrDefault(e => e.Name.LocalName == name && !e.HasElements)?.Value.Trim() is { Length: > 0 } v ? v : null;

    /// <summary>An XSD date (LDT_Datum: no time zone).</summary>
    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static int? Number(string? value) => int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The child's text, or null when the element is absent.</summary>
    public static string? Text(XElement parent, XName name) => parent.Element(name)?.Value.Trim();
}
