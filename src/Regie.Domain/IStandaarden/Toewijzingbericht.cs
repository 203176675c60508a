using System.Globalization;
using System.Xml.Linq;

namespace Regie.Domain.IStandaarden;

/// <summary>The client as a 301 names them: from the registry and the household's address. Gender is not recorded in Regie: COD046 "0" (onbekend).</summary>
public sealed record Client301(string Bsn, DateOnly Geboortedatum, string Achternaam, string? Voorvoegsel, string? Voornamen,
    Adres301? Adres, string? Telefoon, string? Email);

public sealed record Adres301(string? Straat, int Huisnummer, string? Huisletter, string? Toevoeging, string Postcode, string Woonplaats);

/// <summary>One assigned product: the assignment's number, category, period, volume and, after a change, its WMO002/JZ002 reason.</summary>
public sealed record Product301(int Nummer, string Categorie, string? Code, DateTime VastgesteldOp, DateOnly Ingangsdatum, DateOnly Einddatum,
    string? RedenWijziging, int Volume, string Eenheid, string Frequentie);

/// <summary>
/// Writes a WMO301 or JW301 (toewijzingsbericht, iWmo/iJw 3.2) in the XSD's element order. Both standards share the structure;
/// only the namespaces and the BerichtCode differ. The message carries every current assignment of the client at the provider,
/// as the standard asks, so a change or an end travels as a new 301 with the changed product's new end and reason.
/// Whether it is valid is not decided here: the caller validates it against the XSD before it is released.
/// </summary>
public static class Toewijzingbericht
{
    /// <summary>COD046: Regie does not record gender.</summary>
    public const string GeslachtOnbekend = "0";
    /// <summary>COD700 1: eigen naam.</summary>
    public const string NaamGebruikEigenNaam = "1";
    /// <summary>COD757 01: BRP-adres.</summary>
    public const string AdresSoortBrp = "01";
    public const string LandnummerNederland = "0031";

    public static XDocument Build(BerichtSoort soort, string gemeentecode, string agbCode, string identificatie, DateOnly dagtekening,
        Client301 client, IReadOnlyList<Product301> products)
    {
        if (soort.Type != BerichtType.Toewijzing) throw new ArgumentException("Only a 301 is built here.", nameof(soort));
        // The message's own types put their elements in the message's namespace; the children of the basisschema's composite
        // types (CDT_…) are in the basisschema's namespace (both schemas are elementFormDefault="qualified").
        XNamespace ns = soort.Namespace;
        XNamespace basis = BerichtSoorten.BasisNamespace(soort.Framework);
        XElement E(string name, params object?[] content) => new(ns + name, content.Where(c => c is not null));
        XElement? Opt(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null : E(name, value.Trim());
        XElement B(string name, params object?[] content) => new(basis + name, content.Where(c => c is not null));
        XElement? OptB(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null : B(name, value.Trim());

        var header = E("Header",
            E("BerichtCode", soort.BerichtCode), E("BerichtVersie", "3"), E("BerichtSubversie", "2"),
            E("Afzender", gemeentecode), E("Ontvanger", agbCode),
            E("BerichtIdentificatie", B("Identificatie", identificatie), B("Dagtekening", Date(dagtekening))),
            E("XsdVersie", B("BasisschemaXsdVersie", BerichtSoorten.XsdVersie), B("BerichtXsdVersie", BerichtSoorten.XsdVersie)));

        var phone = Digits(client.Telefoon);
        var contact = E("Contact",
            E("Soort", AdresSoortBrp),
            client.Adres is { } a
                ? E("Adres",
                    B("Huis", B("Huisnummer", a.Huisnummer.ToString(CultureInfo.InvariantCulture)), OptB("Huisletter", a.Huisletter), OptB("HuisnummerToevoeging", a.Toevoeging)),
                    B("Postcode", a.Postcode.Replace(" ", "", StringComparison.Ordinal)), OptB("Straatnaam", a.Straat), B("Plaatsnaam", a.Woonplaats), B("LandCode", "NL"))
                : null,
            phone is null ? null : E("Telefoon", B("Telefoon01", B("Telefoonnummer", phone), B("Landnummer", LandnummerNederland))),
            Opt("Emailadres", client.Email));

        var clientElement = E("Client",
            E("Bsn", client.Bsn),
            E("Geboortedatum", B("Datum", Date(client.Geboortedatum))),
            E("Geslacht", GeslachtOnbekend),
            E("Naam", B("Geslachtsnaam", B("Achternaam", client.Achternaam), OptB("Voorvoegsel", client.Voorvoegsel)), OptB("Voornamen", client.Voornamen),
                B("NaamGebruik", NaamGebruikEigenNaam)),
            E("Contactgegevens", contact),
            E("ToegewezenProducten", products.OrderBy(p => p.Nummer).Select(p => E("ToegewezenProduct",
                E("ToewijzingNummer", p.Nummer.ToString(CultureInfo.InvariantCulture)),
                E("Product", B("Categorie", p.Categorie), OptB("Code", p.Code)),
                E("Toewijzingsdatum", Date(DateOnly.FromDateTime(p.VastgesteldOp))),
                E("Toewijzingstijd", p.VastgesteldOp.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
                E("Ingangsdatum", Date(p.Ingangsdatum)),
                E("Einddatum", Date(p.Einddatum)),
                Opt("RedenWijziging", p.RedenWijziging),
                E("Omvang", B("Volume", p.Volume.ToString(CultureInfo.InvariantCulture)), B("Eenheid", p.Eenheid), B("Frequentie", p.Frequentie)))).ToArray()));

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), E("Bericht", header, clientElement));
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The standard takes a phone number as digits only; a leading +31 becomes the national 0.</summary>
    private static string? Digits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var p = phone.Trim();
        if (p.StartsWith("+31", StringComparison.Ordinal)) p = "0" + p[3..];
        var digits = new string(p.Where(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and <= 15 ? digits : null;
    }
}
