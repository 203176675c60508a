namespace Regie.Web.Data;

/// <summary>
/// A change of working practice that some teams made on a day while the others did not (for example light support without an
/// indication in one wijk): recorded by the policy officer so it can be evaluated against the teams that did not change.
/// Corrected (title, description, date, teams) under the same rules as recording it, or withdrawn with a reason: a withdrawn
/// change is no longer evaluated, but stays here and on the audit trail. The change of triage model is in <see cref="TriageConfiguration"/>.
/// </summary>
public sealed class Werkwijzewijziging : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>The teams that changed, their ids separated by commas.</summary>
    public required string TeamIds { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>Raised by every correction and the withdrawal; a form that saw an older version gets a conflict.</summary>
    public int Version { get; set; } = 1;
    public string? CorrectedBy { get; private set; }
    public DateTime? CorrectedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawalReason { get; private set; }

    public IReadOnlyList<Guid> Teams => TeamIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    /// <summary>Corrects what was recorded (already checked as when recording); a withdrawn change is not corrected.</summary>
    public Regie.Domain.Common.DomainError? Correct(DateOnly date, string title, string? description, IEnumerable<Guid> teams, string by, DateTime now)
    {
        if (WithdrawnAt is not null) return Domain.Models.EvaluationRules.PracticeChangeWithdrawn();
        (Date, Title, Description, TeamIds) = (date, title, description, string.Join(',', teams));
        (CorrectedBy, CorrectedAt) = (by, now);
        Version++;
        return null;
    }

    /// <summary>Withdraws the change with a reason (already checked); once.</summary>
    public Regie.Domain.Common.DomainError? Withdraw(string reason, string by, DateTime now)
    {
        if (WithdrawnAt is not null) return Domain.Models.EvaluationRules.PracticeChangeWithdrawn();
        (WithdrawnAt, WithdrawnBy, WithdrawalReason) = (now, by, reason);
        Version++;
        return null;
    }
}
