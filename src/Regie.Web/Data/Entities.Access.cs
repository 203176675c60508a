using Regie.Domain.Access;
using System.Linq.Expressions;

namespace Regie.Web.Data;

public static class AccessKinds
{
    /// <summary>Explicitly added to the file (a professional from another team, or a partner).</summary>
    public const string Added = "toegevoegd";
    /// <summary>Break the glass: emergency access with a reason, for a limited time.</summary>
    public const string BreakGlass = "noodtoegang";
    /// <summary>
    /// The desk consultant who registered the household: a record of their work on it, ended at the hand-over to a
    /// team or after <see cref="FileAccessRules.DeskGrantDuration"/>. It opens nothing by itself.
    /// </summary>
    public const string Desk = "loket";
}

/// <summary>
/// A user's access to one household beyond their team's responsibility. Never deleted: revoked or expired.
/// Made by <see cref="Grant"/>, <see cref="Emergency"/> or <see cref="Desk"/>; after that only <see cref="Revoke"/> changes it.
/// </summary>
public sealed class HouseholdAccess : IMunicipalityOwned
{
    /// <summary>Why the desk consultant holds a desk grant; shown in the resident's export.</summary>
    public const string DeskReason = "Heeft het huishouden geregistreerd";

    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; init; }
    public required string UserId { get; init; }
    /// <summary>One of <see cref="AccessKinds"/>.</summary>
    public required string Kind { get; init; }
    public string? Reason { get; init; }
    /// <summary>For partners: which parts of the file are shared, comma-separated (e.g. "leden,tijdlijn").</summary>
    public string? SharedParts { get; init; }
    public required string GrantedBy { get; init; }
    public DateTime GrantedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    /// <summary>Set by <see cref="Revoke"/>, once.</summary>
    public DateTime? RevokedAt { get; private set; }

    /// <summary>Someone added to the file (<see cref="AccessKinds.Added"/>): a professional of another team, or a partner with the parts it shares.</summary>
    public static HouseholdAccess Grant(string gemeentecode, Guid householdId, string userId, string grantedBy, DateTime at,
        string? reason = null, string? sharedParts = null, DateTime? expiresAt = null) => new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, UserId = userId, Kind = AccessKinds.Added,
            Reason = reason, SharedParts = sharedParts, GrantedBy = grantedBy, GrantedAt = at, ExpiresAt = expiresAt,
        };

    /// <summary>
    /// Break the glass (<see cref="AccessKinds.BreakGlass"/>): the user opens the file themselves, with the reason, for
    /// <see cref="FileAccessRules.EmergencyAccessDuration"/>; it ends by itself.
    /// </summary>
    public static HouseholdAccess Emergency(string gemeentecode, Guid householdId, string userId, string reason, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, UserId = userId, Kind = AccessKinds.BreakGlass,
        Reason = reason, GrantedBy = userId, GrantedAt = at, ExpiresAt = at + FileAccessRules.EmergencyAccessDuration,
    };

    /// <summary>
    /// The desk consultant's record of registering the household (<see cref="AccessKinds.Desk"/>): ends at the hand-over
    /// to a team (<see cref="Revoke"/>) or after <see cref="FileAccessRules.DeskGrantDuration"/>.
    /// </summary>
    public static HouseholdAccess Desk(string gemeentecode, Guid householdId, string userId, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, UserId = userId, Kind = AccessKinds.Desk,
        Reason = DeskReason, GrantedBy = userId, GrantedAt = at, ExpiresAt = at + FileAccessRules.DeskGrantDuration,
    };

    /// <summary>Not revoked; it may have expired.</summary>
    public bool IsOpen => RevokedAt is null;

    /// <summary>Active: not revoked and not (yet) expired. Only an active grant counts for who may open a file.</summary>
    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary><see cref="IsActiveAt"/> for queries.</summary>
    public static Expression<Func<HouseholdAccess, bool>> ActiveAt(DateTime now) => a => a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now);

    /// <summary><see cref="IsOpen"/> for queries.</summary>
    public static Expression<Func<HouseholdAccess, bool>> Open() => a => a.RevokedAt == null;

    /// <summary>Ends the access now; a revoked grant is not revoked again.</summary>
    public void Revoke(DateTime at)
    {
        if (!IsOpen) throw new InvalidOperationException("The access has already been revoked.");
        RevokedAt = at;
    }
}
