namespace Regie.Web.Data;

/// <summary>
/// A change of working practice that some teams made on a day while the others did not (for example light support without an
/// indication in one wijk): recorded by the policy officer so it can be evaluated against the teams that did not change.
/// Never edited; the change of triage model is in <see cref="TriageConfiguration"/>.
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

    public IReadOnlyList<Guid> Teams => TeamIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}
