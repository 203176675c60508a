using Regie.Domain.Common;
using Regie.Domain.Decisions;

namespace Regie.Domain.Monitor;

/// <summary>What a cost entry is: team staff (whoever pays them), city-hall overhead, or hired advisors.</summary>
public enum CostKind
{
    Personeel,
    Overhead,
    Advies,
}

/// <summary>Who pays team staff. Seconded staff paid through a provider's subsidy still cost the municipality.</summary>
public enum StaffPayer
{
    Gemeente,
    EigenOrganisatie,
    Aanbieder,
}

/// <summary>One cost entry as the policy officer records it. Staff: FTE × full cost per FTE per year; the others: an amount for their period.</summary>
public sealed record CostEntry(CostKind Kind, Guid? Team, DateOnly From, DateOnly To, decimal? Fte, decimal? CostPerFte, decimal? Amount);

/// <summary>
/// The full cost of the system for a period: every entry counts for the days its own period
/// overlaps the asked period, so a yearly subsidy counts for a quarter in a quarter. Parts stay
/// separate so nothing is hidden in a total.
/// </summary>
public static class SystemCost
{
    public const string FteInvalidCode = "cost-fte-invalid";
    public const string AmountInvalidCode = "cost-amount-invalid";
    public const string PeriodInvalidCode = "cost-period-invalid";
    public const string TeamRequiredCode = "cost-team-required";
    public const string KindInvalidCode = "cost-kind-invalid";
    public const string TeamUnknownCode = "cost-team-unknown";

    /// <summary>The kind of a cost entry as typed: Personeel, Overhead or Advies.</summary>
    public static CostKind? ReadKind(string? text, ErrorList errors)
    {
        var kind = Enums.ParseDefined<CostKind>(text);
        if (kind is null) errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies personeel, overhead of inhuur en advies."));
        return kind;
    }

    /// <summary>Who pays team staff, asked for staff entries only (none for the other kinds).</summary>
    public static StaffPayer? ReadPayer(CostKind? kind, string? text, ErrorList errors)
    {
        var payer = kind == CostKind.Personeel ? Enums.ParseDefined<StaffPayer>(text) : null;
        if (kind == CostKind.Personeel && payer is null) errors.Add(new DomainError(KindInvalidCode, "BetaaldDoor", "Kies wie deze medewerkers betaalt."));
        return payer;
    }

    /// <summary>A cost entry's period is budgeted like a granted one: it may lie in the past and run for years (<see cref="DateKind.Granted"/>).</summary>
    public static DateOnly? ReadDate(string? text, string field, string label, DateOnly today, ErrorList errors)
    {
        if (DutchDate.TryParse(text, out var d)) return DateRules.Plausible(d, DateKind.Granted, today, field, label, errors);
        errors.Add(new DomainError(DutchDate.InvalidCode, field, "Vul de datum in als dd-mm-jjjj."));
        return null;
    }

    /// <summary>An amount or number of fte as typed: none when empty, an error when it is no number.</summary>
    public static decimal? ReadAmount(string? text, string field, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DecisionRules.TryParseAmount(text, out var v)) return v;
        errors.Add(new DomainError(AmountInvalidCode, field, "Vul een getal in, bijvoorbeeld 70.000,00 of 4,5."));
        return null;
    }

    /// <summary>The chosen team was not found.</summary>
    public static DomainError TeamUnknown() => new(TeamUnknownCode, "TeamId", "Kies een team uit de lijst.");

    public static IReadOnlyList<DomainError> Check(CostEntry e)
    {
        var errors = new List<DomainError>();
        if (e.To < e.From) errors.Add(new DomainError(PeriodInvalidCode, "Tot", "De einddatum ligt vóór de begindatum."));
        if (e.Kind == CostKind.Personeel)
        {
            if (e.Team is null) errors.Add(new DomainError(TeamRequiredCode, "TeamId", "Kies het team waar deze medewerkers werken."));
            if (e.Fte is not { } fte || fte <= 0 || fte > 1000) errors.Add(new DomainError(FteInvalidCode, "Fte", "Vul het aantal fte in (groter dan 0)."));
            if (e.CostPerFte is not { } c || c <= 0 || c > 1_000_000) errors.Add(new DomainError(AmountInvalidCode, "KostenPerFte", "Vul de volledige kosten per fte per jaar in euro's in."));
        }
        else if (e.Amount is not { } a || a <= 0 || a > 100_000_000)
            errors.Add(new DomainError(AmountInvalidCode, "Bedrag", "Vul het bedrag in euro's in (groter dan 0)."));
        return errors;
    }

    /// <summary>The part of an entry that falls in [from, to], to the cent.</summary>
    public static decimal InPeriod(CostEntry e, DateOnly from, DateOnly to)
    {
        var start = e.From > from ? e.From : from;
        var end = e.To < to ? e.To : to;
        if (end < start) return 0m;
        var overlap = end.DayNumber - start.DayNumber + 1;
        if (e.Kind == CostKind.Personeel)
            return Math.Round(e.Fte!.Value * e.CostPerFte!.Value * overlap / 365m, 2);
        var length = e.To.DayNumber - e.From.DayNumber + 1;
        return Math.Round(e.Amount!.Value * overlap / length, 2);
    }

    public static decimal Total(IEnumerable<CostEntry> entries, CostKind kind, DateOnly from, DateOnly to) =>
        entries.Where(e => e.Kind == kind).Sum(e => InPeriod(e, from, to));
}
