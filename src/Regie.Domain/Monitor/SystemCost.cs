using Regie.Domain.Common;

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
