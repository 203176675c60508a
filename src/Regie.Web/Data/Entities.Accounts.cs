using Microsoft.AspNetCore.Identity;
using System.Linq.Expressions;

namespace Regie.Web.Data;

public sealed class Municipality
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class Team
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Name { get; set; }
    public string? Wijk { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
}

public sealed class RegieUser : IdentityUser
{
    /// <summary>
    /// The one width of every column that names a user by id (an actor, who granted, recorded or decided, a coordinator)
    /// or the system actor. Hashes and event types that are also 64 wide are other limits. API keys' own user and
    /// creator columns were made wider before this limit and keep their width.
    /// </summary>
    public const int IdMaxLength = 64;

    public required string DisplayName { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid? TeamId { get; set; }
    /// <summary>For department and partner accounts: the organisation they act for (e.g. "Woningcorporatie Thuis").</summary>
    public string? Organisation { get; set; }
    /// <summary>The same organisation by id (<see cref="Data.Organisation"/>); the name above stays for display and older rows.</summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>Who pays this team member: the municipality, the team's own organisation or a provider that seconds them.</summary>
    public Domain.Coordination.EmployerKind? EmployerKind { get; set; }
    /// <summary>The employing organisation (<see cref="Data.Organisation"/>) when it is not the municipality itself.</summary>
    public Guid? EmployerOrganisationId { get; set; }
    /// <summary>The team's aandachtsfunctionaris huiselijk geweld en kindermishandeling: reads the team's Meldcode tracks.</summary>
    public bool IsAandachtsfunctionaris { get; set; }
}

/// <summary>A key for system-to-system calls. Only a hash of the secret is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public const int OrganisationMaxLength = 200;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Organisation { get; set; }
    /// <summary>The organisation by id when it is registered in Regie; the name above stays for display and older keys.</summary>
    public Guid? OrganisationId { get; set; }
    public required string Role { get; set; }
    /// <summary>The team the key acts for: a team key's own scope, or a person key's team when it was made.</summary>
    public Guid? TeamId { get; set; }
    /// <summary>The account (<see cref="RegieUser"/>) a person key acts as; the key stops working when that account is locked, changes team or role.</summary>
    public string? UserId { get; set; }
    /// <summary>The key's first characters, stored plainly, to find the row without scanning hashes.</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set by <see cref="Revoke"/>, once: a revoked key never works again.</summary>
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; set; }

    /// <summary>Not revoked: the key is accepted (when its secret matches).</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary><see cref="IsActive"/> for queries.</summary>
    public static Expression<Func<ApiKey, bool>> Active() => k => k.RevokedAt == null;

    /// <summary>Stops the key for good; a revoked key is not revoked again.</summary>
    public void Revoke(DateTime at)
    {
        if (!IsActive) throw new InvalidOperationException("The API key has already been revoked.");
        RevokedAt = at;
    }
}
