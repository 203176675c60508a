using System.ComponentModel;

namespace Regie.Web.Features.Providers;

/// <summary>The AGB code the functional admin sets for a provider; empty clears it.</summary>
public sealed class AgbCodeInput
{
    [Description("Acht cijfers, niet beginnend met 00 (spaties mogen). Leeg of null: de aanbieder heeft geen AGB-code meer.")]
    public string? AgbCode { get; set; }
}

/// <summary>A contract line as the functional admin adds it.</summary>
public sealed class ContractInput
{
    [Description("Wmo2015 of Jeugdwet.")]
    public string? Kader { get; set; }
    [Description("De productcategorie uit WMO020 (Wmo) of JZ020 (Jeugdwet), bijvoorbeeld 02.")]
    public string? Categorie { get; set; }
    [Description("Optioneel: de productcode (hoogstens 5 letters of cijfers) als de gemeente per product contracteert.")]
    public string? Productcode { get; set; }
}

/// <summary>One contract line of a provider.</summary>
public sealed record ContractView(Guid Id, string Kader, string Categorie, string CategorieNaam, string? Productcode);

/// <summary>A provider as the functional admin manages it: its AGB code and its contract lines.</summary>
public sealed record ProviderView(Guid Id, string Naam, string? AgbCode, IReadOnlyList<ContractView> Contracten);

/// <summary>A line of the providers' overview.</summary>
public sealed record ProviderRow(Guid Id, string Naam, string? AgbCode, int Contractregels);
