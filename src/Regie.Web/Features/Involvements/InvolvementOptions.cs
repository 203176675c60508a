namespace Regie.Web.Features.Involvements;

public sealed class InvolvementOptions
{
    public const string Section = "Involvement";
    /// <summary>The Verwijsindex keeps a report at most two years unless renewed.</summary>
    public int MaxYears { get; set; } = 2;
    /// <summary>The scheduled job that records the end of registrations that were not renewed.</summary>
    public bool ExpiryJobEnabled { get; set; } = true;
    public int ExpiryJobIntervalHours { get; set; } = 24;
    /// <summary>On PostgreSQL, answer the department look-up from a copy of the active register in memory (ADR 0011).</summary>
    public bool LookupInMemory { get; set; } = true;
}
