using Regie.Domain.Assessment;
using Regie.Domain.Common;
using System.Globalization;

namespace Regie.Domain.SocialMap;

/// <summary>The functional admin's marking of a service: its kind and the life domains it helps with.</summary>
public sealed record ServiceMarks(ServiceKind Kind, IReadOnlyList<ZrmDomain> Domains);

/// <summary>What the functional admin keeps on the social map besides the imported data: the marking of services.</summary>
public static class MarkingRules
{
    public const string KindRequiredCode = "socialmap-kind-required";
    public const string ProviderInvalidCode = "socialmap-provider-invalid";

    /// <summary>A marking needs a kind (<see cref="ServiceKinds.Code"/>); every life domain given must be one. Null with the errors when refused.</summary>
    public static ServiceMarks? Check(string? kind, IEnumerable<string> domains, ErrorList errors)
    {
        var before = errors.Errors.Count;
        var parsed = ServiceKinds.FromCode(kind);
        if (parsed is null) errors.Add(new DomainError(KindRequiredCode, "Soort", "Kies of dit een algemene voorziening, nulde lijn of maatwerkvoorziening is."));
        var list = new List<ZrmDomain>();
        foreach (var d in domains.Where(d => !string.IsNullOrWhiteSpace(d)))
            if (Enums.ParseDefined<ZrmDomain>(d) is { } domain) list.Add(domain);
            else errors.Add(new DomainError(SearchRules.DomainInvalidCode, "Leefgebieden", $"'{d}' is geen leefgebied."));
        return errors.Errors.Count > before ? null : new ServiceMarks(parsed!.Value, list);
    }

    /// <summary>The provider named is not one of Regie's partner organisations.</summary>
    public static DomainError ProviderInvalid() => new(ProviderInvalidCode, "Aanbieder", "Kies een partnerorganisatie uit de lijst.");
}

/// <summary>One line of the table of postcode-area centres: the four digits, the centre, and a name if given.</summary>
public sealed record PostcodeAreaLine(string Pc4, double Latitude, double Longitude, string? Naam);

/// <summary>
/// The centres of the municipality's postcode areas, from which distances are measured: "pc4;breedtegraad;lengtegraad;naam" with
/// a header line, decimal points, in the Netherlands.
/// </summary>
public static class PostcodeAreaRules
{
    /// <summary>The header line: the first, naming the pc4 column.</summary>
    public static bool IsHeader(int line, string text) => line == 1 && text.Contains("pc4", StringComparison.OrdinalIgnoreCase);

    /// <summary>A line read (semicolons, or commas when it has none); null when it is not a postcode area in the Netherlands.</summary>
    public static PostcodeAreaLine? Parse(string text)
    {
        var cells = text.Split(text.Contains(';') ? ';' : ',');
        if (cells.Length < 3 || cells[0].Trim() is not { Length: 4 } pc4 || !pc4.All(char.IsAsciiDigit) || pc4[0] == '0'
            || !double.TryParse(cells[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(cells[2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !GeoPoint.IsValid(lat, lon) || lat is < 50 or > 54 || lon is < 3 or > 8)
            return null;
        return new PostcodeAreaLine(pc4, lat, lon, cells.Length > 3 ? cells[3].Trim() : null);
    }

    /// <summary>Why line <paramref name="line"/> is refused.</summary>
    public static string Rejected(int line) =>
        $"Regel {line}: verwacht vier cijfers, breedtegraad en lengtegraad in Nederland (bijvoorbeeld 9911;53.3123;6.8234;Molenwijk).";

    public const string Empty = "Het bestand bevat geen postcodegebieden.";
}
