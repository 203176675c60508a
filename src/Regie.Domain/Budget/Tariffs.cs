using Regie.Domain.Common;

namespace Regie.Domain.Budget;

/// <summary>One line of the municipality's tariff table: what a unit of an intervention or its alternative costs, and where that figure comes from.</summary>
public sealed record TariffDefault(string Code, string Name, string Unit, decimal Amount, string Source);

/// <summary>
/// The defaults a municipality starts from (DOMAIN.md, "Default figures for cost comparisons"); all
/// approximate, each with its source. The municipality replaces them with its own.
/// </summary>
public static class Tariffs
{
    public const string QuantityInvalidCode = "comparison-quantity-invalid";
    public const string TariffUnknownCode = "comparison-tariff-unknown";
    public const string CodeInvalidCode = "tariff-code-invalid";

    /// <summary>A tariff's code: lower-case letters, digits and hyphens, as it is stored (trimmed, lower-cased).</summary>
    public static Result<string> ParseCode(string? text, int maxLength)
    {
        var code = (text ?? "").Trim().ToLowerInvariant();
        if (code.Length == 0 || code.Length > maxLength || !code.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            return new DomainError(CodeInvalidCode, "Code", "Geef de code in kleine letters, cijfers en streepjes, bijvoorbeeld opvang-nacht.");
        return code;
    }

    public static readonly IReadOnlyList<TariffDefault> Defaults =
    [
        new("huisuitzetting", "Huisuitzetting (kosten verhuurder)", "per uitzetting", 7500m, "Eropaf quickscan (2014): € 5.000–10.000; het midden"),
        new("huurachterstand", "Gemiddelde huurachterstand", "per huurder met achterstand", 1800m, "Aedes data (2021), afgeleid"),
        new("crisisplaatsing-jeugd", "Crisisplaatsing jeugdige (verblijf)", "per kind per maand", 2666.67m, "Jeugdhulp met verblijf ≈ € 32.000 per cliënt per jaar, Nijmegen (2016), afgeleid; per maand"),
        new("uithuisplaatsing-jeugd", "Uithuisplaatsing jeugdige", "per kind per jaar", 40000m, "Stade Advies via NJi (2012)"),
        new("jeugdhulp-verblijf", "Jeugdhulp met verblijf", "per cliënt per jaar", 32000m, "Nijmegen (2016), afgeleid"),
        new("jeugdhulp-ambulant", "Jeugdhulp ambulant", "per cliënt per jaar", 8500m, "Nijmegen (2016), afgeleid"),
        new("jeugdhulp-gemiddeld", "Jeugdhulp, landelijk gemiddelde", "per jeugdige per jaar", 13000m, "€ 5,5 mld (Jeugdautoriteit 2019) ÷ 424.000 jeugdigen (CBS 2019)"),
        new("opvang-nacht", "24-uursopvang", "per nacht", 57m, "Cebeon (2011), afgeleid"),
        new("schuldhulp-traject", "Schuldhulptraject", "per traject", 2400m, "Nijmegen (2015), afgeleid"),
        new("hulp-huishouden", "Hulp bij het huishouden (Wmo)", "per huishouden per jaar", 3300m, "Eemnes, Renswoude (2023)"),
        new("sociaal-werker-fte", "Sociaal werker, integrale kosten", "per fte per jaar", 68500m, "CAO Sociaal Werk 2023–25 schaal 8–9 + ~20% IKB + werkgeverslasten (schatting, midden van € 65.000–72.000)"),
    ];
}

/// <summary>A tariff line as it was used in a comparison: the figure is copied, so a later tariff change leaves the saved comparison as it was.</summary>
public sealed record ComparisonLine(Guid TariffId, string Code, string Name, string Unit, decimal Tariff, string Source, decimal Quantity)
{
    public decimal Amount => decimal.Round(Tariff * Quantity, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The worker's comparison when choosing an intervention: the chosen spend against the alternative that
/// would otherwise follow (an eviction, crisis places). Its difference is the cost avoided — an estimate
/// from tariffs, never a booked amount.
/// </summary>
public sealed record CostComparison(string Alternative, IReadOnlyList<ComparisonLine> Lines)
{
    /// <summary>The worker's words for the alternative; they are copied into the stored comparison.</summary>
    public const int AlternativeMaxLength = 200;

    public decimal AlternativeTotal => Lines.Sum(l => l.Amount);

    /// <summary>Zero when the chosen spend is not cheaper than the alternative.</summary>
    public decimal AvoidedEstimate(decimal spend) => Math.Max(0m, AlternativeTotal - spend);

    public static Result<decimal> ParseQuantity(string? text, string field)
    {
        if (!decimal.TryParse((text ?? "").Trim().Replace('.', ','), System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), out var q) || q < 0m || q > 10_000m || decimal.Round(q, 2) != q)
            return new DomainError(Tariffs.QuantityInvalidCode, field, "Vul een aantal in tussen 0 en 10.000, bijvoorbeeld 6 of 0,5.");
        return q;
    }

}
