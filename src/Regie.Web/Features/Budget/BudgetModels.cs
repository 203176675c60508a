using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Budget;

/// <summary>Roles of this area. The municipality's budget holder is the policy role (beleid): it allocates, moves money and approves above the team lead's limit.</summary>
public static class BudgetRoles
{
    public const string Spenders = Infrastructure.Roles.Professional + "," + Infrastructure.Roles.Teamleider;
    public const string Approvers = Infrastructure.Roles.Teamleider + "," + Infrastructure.Roles.Beleid;
    public const string Readers = Infrastructure.Roles.Professional + "," + Infrastructure.Roles.Teamleider + "," + Infrastructure.Roles.Beleid;
    public const string Municipality = Infrastructure.Roles.Beleid;
    public const string Settings = Infrastructure.Roles.Beleid + "," + Infrastructure.Roles.Beheerder;
    public const string Overview = Infrastructure.Roles.Teamleider + "," + Infrastructure.Roles.Beleid;

    public static string[] List(string roles) => roles.Split(',');

    /// <summary>The budget holder: the municipality's policy role, or a system account.</summary>
    public static bool IsMunicipality(Infrastructure.CurrentUser user) => user.IsSystem || user.Role == Infrastructure.Roles.Beleid;

    /// <summary>Who sets mandates and tariffs: the municipality, its administrator, or a system account.</summary>
    public static bool MaySetSettings(Infrastructure.CurrentUser user) => user.IsSystem || user.Role is Infrastructure.Roles.Beleid or Infrastructure.Roles.Beheerder;
}

public sealed class SpendInput
{
    [Required, Description("Het doel in het plan van het huishouden waar de uitgave bij hoort.")]
    public Guid? DoelId { get; set; }
    [Required, OneOf(typeof(InterventionKind))] public string? Soort { get; set; }
    [Required] public string? Omschrijving { get; set; }
    [Required, Description(AmountFormat)] public string? Bedrag { get; set; }
    [Required] public string? Onderbouwing { get; set; }
    /// <summary>The laws the spend serves, as confirmed by the worker (LegalFramework names).</summary>
    [Required, Description("Minstens één wettelijk kader."), OneOf(typeof(LegalFramework))]
    public List<string> Kaders { get; set; } = [];
    /// <summary>What would happen otherwise, e.g. "Huisuitzetting en crisisplaatsing van twee kinderen".</summary>
    public string? Alternatief { get; set; }
    /// <summary>Tariff code → quantity of the alternative (e.g. "crisisplaatsing-jeugd" → "6").</summary>
    [Description("Per tariefcode (de 'code' uit GET /api/v1/spends/tariffs) het aantal van het alternatief, als tekst (bijvoorbeeld \"crisisplaatsing-jeugd\": \"6\").")]
    public Dictionary<string, string?> Aantallen { get; set; } = [];

    /// <summary>How the API's amounts are written.</summary>
    public const string AmountFormat = "Een bedrag in euro als tekst, in hele centen: \"1800.00\" of \"1.800,00\".";
}

/// <summary>A decision on a spend (approve, refuse) or its cancellation.</summary>
public sealed class DecisionInput
{
    [Description("Verplicht bij afwijzen en annuleren; bij goedkeuren een toelichting.")]
    public string? Reden { get; set; }
    [Description(VersionText)] public int Versie { get; set; }

    public const string VersionText = "De versie van de uitgave zoals u haar las; een andere geeft 409 (concurrency-conflict).";
}

public sealed class PaymentInput
{
    [Required, Description(SpendInput.AmountFormat + " Hoogstens het goedgekeurde bedrag.")]
    public string? Bedrag { get; set; }
    [Required, Description("De betaaldatum, jjjj-mm-dd (of dd-mm-jjjj): niet in de toekomst en niet meer dan een jaar terug.")]
    public string? Datum { get; set; }
    [Required] public string? Ontvanger { get; set; }
    [Description(DecisionInput.VersionText)] public int Versie { get; set; }
}

public sealed class AllocationInput
{
    public Guid? TeamId { get; set; }
    public int Jaar { get; set; }
    public string? Bedrag { get; set; }
    /// <summary>Empty: the free, integral part; otherwise an earmark for one law.</summary>
    public string? Kader { get; set; }
    public string? Reden { get; set; }
}

public sealed class TransferInput
{
    public Guid? VanTeamId { get; set; }
    public Guid? NaarTeamId { get; set; }
    public int Jaar { get; set; }
    public string? Bedrag { get; set; }
    public string? Reden { get; set; }
}

public sealed class MandateInput
{
    /// <summary>A role name, or empty with <see cref="GebruikerId"/> for one person.</summary>
    public string? Rol { get; set; }
    public string? GebruikerId { get; set; }
    /// <summary>Empty for a person: their own mandate ends and the role's applies again.</summary>
    public string? Bedrag { get; set; }
}

public sealed class TariffInput
{
    public string? Code { get; set; }
    public string? Naam { get; set; }
    public string? Eenheid { get; set; }
    public string? Bedrag { get; set; }
    public string? Bron { get; set; }
}

public sealed record ComparisonView(string Alternatief, IReadOnlyList<ComparisonLineView> Regels, decimal AlternatiefTotaal, decimal Uitgave, decimal VermedenSchatting);
public sealed record ComparisonLineView(Guid TariefId, string Code, string Naam, string Eenheid, decimal Tarief, string Bron, decimal Aantal, decimal Bedrag);

public sealed record SpendView(Guid Id, Guid HouseholdId, string? Huishouden, Guid TeamId, string Team, Guid DoelId, ZrmDomain Leefgebied, string? Doel,
    InterventionKind Soort, string Omschrijving, string Onderbouwing, decimal Bedrag, IReadOnlyList<LegalFramework> Kaders, IReadOnlyList<LegalFramework> VoorgesteldeKaders,
    SpendStatus Status, ApprovalLevel Niveau, string AangevraagdDoor, DateTime AangevraagdOp, string? BesluitDoor, DateTime? BesluitOp, string? BesluitReden,
    decimal? BetaaldBedrag, DateOnly? BetaaldOp, string? Ontvanger, string? AnnuleringReden, ComparisonView? Vergelijking, int Versie)
{
    public bool IsPending => Status == SpendStatus.Aangevraagd;
}

public sealed record BalanceView(decimal Toegekend, decimal Toegezegd, decimal Betaald, decimal Vrij);
public sealed record FrameworkBalanceView(LegalFramework? Kader, decimal Oormerk, decimal Toegezegd, decimal Betaald);
public sealed record TeamBudgetView(Guid BudgetId, Guid TeamId, string Team, int Jaar, BalanceView Saldo, IReadOnlyList<FrameworkBalanceView> PerKader,
    decimal Besteed, decimal JaarVerstreken, int Versie);
public sealed record EntryView(long Id, string Team, EntryKind Soort, LegalFramework? Kader, decimal Bedrag, Guid? UitgaveId, ZrmDomain? Leefgebied,
    string Reden, DateOnly Geboekt, DateTime Tijdstip, string Door);
public sealed record LargestSpendView(Guid Id, string Team, InterventionKind Soort, string Omschrijving, decimal Bedrag, SpendStatus Status, DateOnly Datum);
public sealed record MandateView(string? Rol, string? GebruikerId, string? Naam, decimal? Bedrag, DateTime Sinds, string Door);
public sealed record TariffView(Guid Id, string Code, string Naam, string Eenheid, decimal Bedrag, string Bron, DateTime Sinds, string Door);

public sealed record MandatesOverview(IReadOnlyList<MandateView> Current, IReadOnlyList<MandateView> History, IReadOnlyList<(string Id, string Name)> Staff);
