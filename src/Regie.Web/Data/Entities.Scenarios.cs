namespace Regie.Web.Data;

/// <summary>
/// A saved scenario (issue 24): the assumptions, seed, number of runs and data date it was computed with, and its result, so
/// that a council report can be reproduced. Figures only: no household is in it. Never edited; a policy officer deletes it.
/// </summary>
public sealed class Scenario : IMunicipalityOwned
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>The compared models by name, comma-separated, in the order of the comparison.</summary>
    public required string Models { get; set; }
    /// <summary>Every parameter with its base, low, high, source and whether it was changed (JSON).</summary>
    public required string ParametersJson { get; set; }
    public int Seed { get; set; }
    public int Runs { get; set; }
    /// <summary>The <see cref="Regie.Domain.Models.MonteCarlo.ModelVersion"/> the result was computed with.</summary>
    public int ModelVersion { get; set; } = 1;
    /// <summary>The day the municipality's own data were read for the estimates ("stand van").</summary>
    public DateOnly DataDate { get; set; }
    /// <summary>The Monte Carlo result and the sensitivity (JSON).</summary>
    public required string ResultJson { get; set; }
    public required string CreatedBy { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    /// <summary>
    /// The one-time token of the cockpit form it was saved from (unique per municipality): the same form posted again (a double
    /// click, a resend after a slow answer) finds this scenario instead of saving a second one. Null when saved otherwise (the demo).
    /// </summary>
    public Guid? FormToken { get; set; }
}
