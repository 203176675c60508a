using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Decisions;

namespace Regie.Domain.IStandaarden;

/// <summary>A contract line as the admin fills it in: the framework, the product category and, optionally, the product code.</summary>
public sealed record ContractLine(LegalFramework Framework, string Category, string? ProductCode);

/// <summary>
/// A provider's contract per product code: which product categories (WMO020/JZ020) and, where the municipality contracts per product,
/// which product codes (LDT_ProductCode, up to five letters or digits) a provider with an AGB code may deliver. A decision that assigns a
/// product to such a provider must stay within its contract; a provider without an AGB code takes no part in the iWmo/iJw exchange and
/// is not checked.
/// </summary>
public static class ContractRules
{
    public const string FrameworkInvalidCode = "contract-framework-invalid";
    public const string CategoryInvalidCode = "contract-category-invalid";
    public const string ProductCodeInvalidCode = "contract-product-code-invalid";
    public const string DuplicateCode = "contract-duplicate";
    public const string AgbTakenCode = "agb-taken";
    /// <summary>A decided product for a provider with an AGB code but without a contract line for its framework and category.</summary>
    public const string ProductNotContractedCode = "product-provider-no-contract";
    public const int ProductCodeMaxLength = 5;

    /// <summary>The frameworks with an iStandaard, the only ones a contract line can name.</summary>
    public static readonly IReadOnlyList<LegalFramework> Frameworks = [LegalFramework.Wmo2015, LegalFramework.Jeugdwet];

    /// <summary>
    /// Reads a contract line: the framework by name ("Wmo2015", "Jeugdwet"; also "wmo" and "jeugdwet" as the command line says them),
    /// the category from the framework's code list, the product code trimmed and in capitals. Every wrong field is added to <paramref name="errors"/>; then null.
    /// </summary>
    public static ContractLine? Parse(string? framework, string? category, string? productCode, ErrorList errors)
    {
        var before = errors.Errors.Count;
        var f = ParseFramework(framework);
        if (f is null)
            errors.Add(new DomainError(FrameworkInvalidCode, "Kader", "Kies het wettelijk kader: Wmo 2015 of Jeugdwet."));
        var c = category?.Trim();
        if (f is { } known && CodeLists.ProductCategories(known) is { } list && list.Find(c) is null)
            errors.Add(new DomainError(CategoryInvalidCode, "Categorie", $"Kies een productcategorie uit {list.Id}, bijvoorbeeld {list.Entries[1].Code} ({list.Entries[1].Name})."));
        var code = string.IsNullOrWhiteSpace(productCode) ? null : productCode.Trim().ToUpperInvariant();
        if (code is not null && (code.Length > ProductCodeMaxLength || !code.All(char.IsAsciiLetterOrDigit)))
            errors.Add(new DomainError(ProductCodeInvalidCode, "Productcode", $"Een productcode bestaat uit hoogstens {ProductCodeMaxLength} letters of cijfers, bijvoorbeeld 02A01."));
        return errors.Errors.Count > before ? null : new ContractLine(f!.Value, c!, code);
    }

    public static LegalFramework? ParseFramework(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "wmo" or "wmo2015" => LegalFramework.Wmo2015,
        "jeugdwet" or "jw" => LegalFramework.Jeugdwet,
        _ => null,
    };

    /// <summary>The message when a product goes to a provider outside its contract: names the category so the desk knows what to ask the buyer.</summary>
    public static DomainError NotContracted(LegalFramework framework, string? category, string field)
    {
        var label = category is not null && CodeLists.ProductCategories(framework)?.Find(category) is { } e ? $"{e.Code} {e.Name}" : category ?? "(geen)";
        return new DomainError(ProductNotContractedCode, field,
            $"Deze aanbieder heeft geen contract voor productcategorie {label} ({LegalFrameworks.Label(framework)}). Kies een andere aanbieder of laat de inkoop het contract vastleggen.");
    }
}
