namespace Regie.Web.Data;

public static class AccessKinds
{
    /// <summary>Explicitly added to the file (a professional from another team, or a partner).</summary>
    public const string Added = "toegevoegd";
    /// <summary>Break the glass: emergency access with a reason, for a limited time.</summary>
    public const string BreakGlass = "noodtoegang";
    /// <summary>
    /// The desk consultant who registered the household: a record of their work on it, ended at the hand-over to a
    /// team or after <see cref="Regie.Domain.Access.FileAccessRules.DeskGrantDuration"/>. It opens nothing by itself.
    /// </summary>
    public const string Desk = "loket";
}

/// <summary>A user's access to one household beyond their team's responsibility. Never deleted: revoked or expired.</summary>
public sealed class HouseholdAccess : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public string? Reason { get; set; }
    /// <summary>For partners: which parts of the file are shared, comma-separated (e.g. "leden,tijdlijn").</summary>
    public string? SharedParts { get; set; }
    public required string GrantedBy { get; set; }
    public DateTime GrantedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
