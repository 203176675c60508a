using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Budget;

/// <summary>Who has to approve a spend: the requester's own mandate, the team lead, or the municipality. Stored by name.</summary>
public enum ApprovalLevel
{
    Mandaat,
    Teamleider,
    Gemeente,
}

/// <summary>Where a spend is. Stored by name.</summary>
public enum SpendStatus
{
    /// <summary>Above the requester's mandate, waiting for the team lead or the municipality.</summary>
    Aangevraagd,
    /// <summary>Approved: the money is committed on the team's budget.</summary>
    Goedgekeurd,
    Afgewezen,
    Betaald,
    Geannuleerd,
}

/// <summary>What a ledger entry does. Every entry is a fact; a correction is a new entry. Stored by name.</summary>
public enum EntryKind
{
    /// <summary>The municipality gives the team money for the year (negative: a correction of an earlier allocation).</summary>
    Toekenning,
    /// <summary>Money moved between teams: a negative entry on one, the same positive amount on the other.</summary>
    Overboeking,
    /// <summary>An approved spend claims money.</summary>
    Verplichting,
    /// <summary>A cancelled or partly paid commitment gives money back.</summary>
    Vrijval,
    /// <summary>A commitment is paid: it moves from committed to paid.</summary>
    Betaling,
}

/// <summary>What the money is for; the worker's own words say the rest. Stored by name.</summary>
public enum InterventionKind
{
    Huurachterstand,
    Vervoer,
    Kinderopvang,
    Schuldregeling,
    Logeerplek,
    Energie,
    Inrichting,
    Overig,
}

public static class Interventions
{
    public static readonly IReadOnlyList<InterventionKind> All = Enum.GetValues<InterventionKind>();

    public static string Label(InterventionKind k) => k switch
    {
        InterventionKind.Huurachterstand => "Huurachterstand betalen aan de verhuurder",
        InterventionKind.Vervoer => "Vervoer (fiets, ov) om werk of school te bereiken",
        InterventionKind.Kinderopvang => "Kinderopvang",
        InterventionKind.Schuldregeling => "Schuldregeling of saneringskrediet",
        InterventionKind.Logeerplek => "Logeer- of kortverblijfplek",
        InterventionKind.Energie => "Energie- of waterachterstand",
        InterventionKind.Inrichting => "Inrichting of witgoed",
        _ => "Overig",
    };
}

public static class SpendStatuses
{
    public static string Label(SpendStatus s) => s switch
    {
        SpendStatus.Aangevraagd => "Wacht op goedkeuring",
        SpendStatus.Goedgekeurd => "Goedgekeurd",
        SpendStatus.Afgewezen => "Afgewezen",
        SpendStatus.Betaald => "Betaald",
        _ => "Geannuleerd",
    };

    public static string Label(ApprovalLevel l) => l switch
    {
        ApprovalLevel.Mandaat => "binnen mandaat",
        ApprovalLevel.Teamleider => "teamleider",
        _ => "gemeente",
    };
}

/// <summary>
/// Mandates: what a professional may spend at once, what a team lead may approve, and above that the
/// municipality. Municipalities set them per role and per person; these are the defaults.
/// </summary>
public static class Mandates
{
    public const decimal ProfessionalDefault = 500m;
    public const decimal TeamleaderDefault = 2500m;
    public const string AmountInvalidCode = "spend-amount-invalid";
    public const string LimitInvalidCode = "mandate-limit-invalid";
    public const string RoleInvalidCode = "mandate-role-invalid";
    public const string UserUnknownCode = "mandate-user-unknown";

    /// <summary>The staff member chosen for a personal mandate was not found among the municipality's staff.</summary>
    public static DomainError UserUnknown() => new(UserUnknownCode, "GebruikerId", "Kies een medewerker uit de lijst.");

    /// <summary>Neither a staff member nor one of the roles with a mandate was chosen.</summary>
    public static DomainError RoleInvalid() => new(RoleInvalidCode, "Rol", "Kies de rol of de medewerker voor wie het mandaat geldt.");

    /// <summary>Who approves an amount asked by someone with <paramref name="ownMandate"/>; <paramref name="teamLeadLimit"/> is the second limit.</summary>
    public static ApprovalLevel Required(decimal amount, decimal ownMandate, decimal teamLeadLimit) =>
        amount <= ownMandate ? ApprovalLevel.Mandaat : amount <= teamLeadLimit ? ApprovalLevel.Teamleider : ApprovalLevel.Gemeente;

    /// <summary>An amount in euros: positive, whole cents, at most a million (a typo guard, not a policy).</summary>
    public static Result<decimal> ParseAmount(string? text, string field, string label)
    {
        if (!TryParseEuro(text, out var amount))
            return new DomainError(AmountInvalidCode, field, $"Vul {label} in als bedrag in euro's, bijvoorbeeld 1.800,00.");
        if (amount <= 0m || amount > 1_000_000m || decimal.Round(amount, 2) != amount)
            return new DomainError(AmountInvalidCode, field, $"{char.ToUpperInvariant(label[0])}{label[1..]} moet tussen € 0,01 en € 1.000.000,00 liggen, in hele centen.");
        return amount;
    }

    /// <summary>A mandate as the municipality sets it: zero (no mandate) up to a million, whole cents.</summary>
    public static Result<decimal> ParseLimit(string? text, string field)
    {
        if (!TryParseEuro(text, out var limit) || limit < 0m || limit > 1_000_000m || decimal.Round(limit, 2) != limit)
            return new DomainError(LimitInvalidCode, field, "Vul het mandaat in als bedrag in euro's, bijvoorbeeld 500,00 (0 voor geen mandaat).");
        return limit;
    }

    public static bool TryParseEuro(string? text, out decimal amount) => Money.TryParseEuro(text, out amount);
}

/// <summary>Which laws a spend serves, suggested from the goal's life domain; the worker confirms or changes them.</summary>
public static class FrameworkSuggestion
{
    public static IReadOnlyList<LegalFramework> For(ZrmDomain domain, bool forChild)
    {
        if (forChild) return [LegalFramework.Jeugdwet];
        return domain switch
        {
            ZrmDomain.Financien => [LegalFramework.Participatiewet, LegalFramework.Wgs],
            ZrmDomain.WerkOpleiding => [LegalFramework.Participatiewet],
            ZrmDomain.MaatschappelijkeParticipatie => [LegalFramework.Participatiewet, LegalFramework.Wmo2015],
            _ => [LegalFramework.Wmo2015],
        };
    }
}

/// <summary>
/// Splits a spend over the laws it serves, to the cent: every law gets an equal part, the cents that
/// do not divide go to the first, so the parts always add up to the whole.
/// </summary>
public static class Attribution
{
    public static IReadOnlyList<(LegalFramework Framework, decimal Amount)> Split(decimal amount, IReadOnlyList<LegalFramework> frameworks)
    {
        if (frameworks.Count == 0) throw new ArgumentException("A spend serves at least one legal framework.", nameof(frameworks));
        var part = decimal.Round(amount / frameworks.Count, 2, MidpointRounding.ToZero);
        var first = amount - part * (frameworks.Count - 1);
        return frameworks.Select((f, i) => (f, i == 0 ? first : part)).ToList();
    }
}

/// <summary>A budget's figures, derived from its ledger entries only.</summary>
public sealed record BudgetBalance(decimal Allocated, decimal Committed, decimal Paid)
{
    public static readonly BudgetBalance Empty = new(0m, 0m, 0m);
    public decimal Remaining => Allocated - Committed - Paid;

    public BudgetBalance Add(EntryKind kind, decimal amount) => kind switch
    {
        EntryKind.Toekenning or EntryKind.Overboeking => this with { Allocated = Allocated + amount },
        EntryKind.Verplichting => this with { Committed = Committed + amount },
        EntryKind.Vrijval => this with { Committed = Committed - amount },
        _ => this with { Committed = Committed - amount, Paid = Paid + amount },
    };

    public static BudgetBalance Of(IEnumerable<(EntryKind Kind, decimal Amount)> entries) =>
        entries.Aggregate(Empty, (b, e) => b.Add(e.Kind, e.Amount));

    /// <summary>What one entry does to the money still free: the sum of these over a ledger is <see cref="Remaining"/>.</summary>
    public static decimal EffectOnRemaining(EntryKind kind, decimal amount) => kind switch
    {
        EntryKind.Toekenning or EntryKind.Overboeking => amount,
        EntryKind.Verplichting => -amount,
        EntryKind.Vrijval => amount,
        _ => 0m,
    };

    /// <summary>Share of the year's allocation that is committed or paid, against the share of the year that has passed.</summary>
    public (decimal Spent, decimal YearPassed) BurnRate(DateOnly today, int year)
    {
        var start = new DateOnly(year, 1, 1);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var passed = Math.Clamp(today.DayNumber - start.DayNumber + 1, 0, days);
        return (Allocated <= 0 ? 0m : decimal.Round((Committed + Paid) / Allocated, 4), decimal.Round((decimal)passed / days, 4));
    }
}

public static class LedgerRules
{
    public const string InsufficientCode = "budget-insufficient";
    public const string TransferSameTeamCode = "transfer-same-team";
    public const string TransferTooMuchCode = "transfer-exceeds-remaining";
    public const string ReasonRequiredCode = "reason-required";
    public const string CorrectionTooLargeCode = "allocation-correction-too-large";
    public const string NoBudgetCode = "budget-missing";
    public const string TeamRequiredCode = "budget-team-required";
    public const string YearInvalidCode = "budget-year-invalid";

    /// <summary>The team an allocation is for, <paramref name="found"/> when it was chosen and exists.</summary>
    public static DomainError? CheckAllocationTeam(bool found) =>
        found ? null : new DomainError(TeamRequiredCode, "TeamId", "Kies het team.");

    /// <summary>An allocation is integral (no law given) or earmarked for one legal framework.</summary>
    public static LegalFramework? ReadEarmark(string? text, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var framework = LegalFrameworks.Parse(text);
        if (framework is null) errors.Add(new DomainError(LegalFrameworks.InvalidCode, "Kader", "Kies een wettelijk kader uit de lijst, of geen oormerk."));
        return framework;
    }

    /// <summary>A transfer between two teams as found (null when no team was chosen or it was not found): both chosen, and two different ones.</summary>
    public static void CheckTransferTeams(Guid? from, Guid? to, ErrorList errors)
    {
        if (from is null) errors.Add(new DomainError(TeamRequiredCode, "VanTeamId", "Kies het team dat geld afstaat."));
        if (to is null) errors.Add(new DomainError(TeamRequiredCode, "NaarTeamId", "Kies het team dat het geld krijgt."));
        if (from is not null && from == to) errors.Add(new DomainError(TransferSameTeamCode, "NaarTeamId", "Kies twee verschillende teams."));
    }

    /// <summary>The municipality books on last year's, this year's and next year's budgets only.</summary>
    public static DomainError? CheckYear(int year, int currentYear) =>
        year < currentYear - 1 || year > currentYear + 1
            ? new DomainError(YearInvalidCode, "Jaar", $"Kies een jaar van {currentYear - 1} tot en met {currentYear + 1}.")
            : null;

    public static DomainError NoBudgetToSpend(int year) => new(NoBudgetCode, "", $"Het team heeft geen budget voor {year}. De gemeente kent het budget toe.");

    public static DomainError NoBudgetToTransfer(string team, int year) => new(NoBudgetCode, "VanTeamId", $"{team} heeft geen budget voor {year}.");

    /// <summary>A commitment never takes more than what is left: the budget may reach zero, never below.</summary>
    public static DomainError? CheckCommit(BudgetBalance balance, decimal amount) =>
        amount > balance.Remaining
            ? new DomainError(InsufficientCode, "", $"Het budget van het team heeft nog {new Money(balance.Remaining)} vrij; {new Money(amount)} past daar niet in.")
            : null;

    public static DomainError? CheckTransfer(BudgetBalance from, decimal amount) =>
        amount > from.Remaining
            ? new DomainError(TransferTooMuchCode, "Bedrag", $"Het team heeft nog {new Money(from.Remaining)} vrij; meer kan niet worden overgeboekt.")
            : null;

    /// <summary>A negative allocation corrects an earlier one and may not take away money that is already committed or paid.</summary>
    public static DomainError? CheckAllocation(BudgetBalance current, decimal amount) =>
        amount < 0 && -amount > current.Remaining
            ? new DomainError(CorrectionTooLargeCode, "Bedrag", $"Er is nog {new Money(current.Remaining)} vrij; een correctie kan niet meer terugnemen.")
            : null;
}

public static class Amounts
{
    /// <summary>An allocation or its correction: not zero, whole cents, within ± € 100 million.</summary>
    public static Result<decimal> ParseSigned(string? text, string field, string label)
    {
        if (!Mandates.TryParseEuro(text, out var amount) || amount == 0m || Math.Abs(amount) > 100_000_000m || decimal.Round(amount, 2) != amount)
            return new DomainError(Mandates.AmountInvalidCode, field, $"Vul {label} in als bedrag in euro's, bijvoorbeeld 250.000,00 (een correctie met een minteken).");
        return amount;
    }
}
