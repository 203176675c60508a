namespace Regie.Domain.Registry;

/// <summary>
/// The time a resident lived in a household, as moments rather than days: what a resident's own
/// export (AVG art. 15) shows of a household's file is what happened in it in this time, and
/// nothing from before they moved in or after they moved out. A membership is kept in days; where
/// Regie recorded the joining or the leaving on that very day, the recorded moment is the bound, so
/// emergency access granted an hour after someone moved out is not theirs to read. Recorded on a
/// later day than the date it took effect (a move registered after the fact), the whole day counts.
/// </summary>
/// <param name="End">Exclusive; null while the resident still lives there.</param>
public sealed record ResidencePeriod(Guid HouseholdId, DateTime Start, DateTime? End)
{
    /// <param name="joinedRecordedAt">When the joining was recorded; for someone registered together with the household, its registration.</param>
    /// <param name="leftRecordedAt">When the leaving was recorded.</param>
    public static ResidencePeriod Of(Guid householdId, DateOnly from, DateOnly? until, DateTime? joinedRecordedAt, DateTime? leftRecordedAt)
    {
        var start = joinedRecordedAt is { } j && DateOnly.FromDateTime(j) == from ? j : StartOf(from);
        DateTime? end = until is not { } u ? null
            : leftRecordedAt is { } l && DateOnly.FromDateTime(l) == u ? l
            : StartOf(u.AddDays(1));
        return new ResidencePeriod(householdId, start, end);
    }

    public bool Contains(DateTime moment) => moment >= Start && (End is null || moment < End);

    /// <summary>Whether something that lasted from <paramref name="from"/> to <paramref name="until"/> (exclusive, null: still) ran in this period.</summary>
    public bool Overlaps(DateTime from, DateTime? until) => (End is null || from < End) && (until is null || until > Start);

    /// <summary>
    /// When a fact of the timeline applies: the moment it was recorded when that was on its own date; for a fact
    /// dated before or after the day it was recorded, the start of its date.
    /// </summary>
    public static DateTime Moment(DateOnly effective, DateTime recordedAt) =>
        DateOnly.FromDateTime(recordedAt) == effective ? recordedAt : StartOf(effective);

    private static DateTime StartOf(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
