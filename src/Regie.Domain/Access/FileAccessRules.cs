namespace Regie.Domain.Access;

public enum FileAccessLevel
{
    Denied,
    /// <summary>The user's team holds the file, or nobody does yet (registry only).</summary>
    Team,
    /// <summary>The user was added to the file (another team's professional, a partner).</summary>
    Granted,
    /// <summary>Break the glass: time-limited emergency access with a stated reason.</summary>
    Emergency,
}

/// <summary>What the rules need to know about one user and one household file.</summary>
public sealed record FileAccessFacts(
    string? Role,
    Guid? UserTeamId,
    Guid? ResponsibleTeamId,
    bool HasGrant,
    bool HasActiveEmergencyGrant);

/// <summary>
/// Need-to-know, as DOMAIN.md and the AVG ask: social-domain files hold special-category data,
/// so only the people who help a household see its file. Role names are those of
/// Regie.Web.Infrastructure.Roles (kept as strings so this project stays free of the web layer).
/// </summary>
public static class FileAccessRules
{
    /// <summary>Roles that work in files. Departments, policy, privacy and admins never see file content.</summary>
    public static readonly IReadOnlySet<string> FileRoles = new HashSet<string> { "professional", "teamleider", "consulent", "partner" };

    /// <summary>Roles that may search the registry and ask for emergency access.</summary>
    public static readonly IReadOnlySet<string> CareRoles = new HashSet<string> { "professional", "teamleider", "consulent" };

    public static FileAccessLevel Decide(FileAccessFacts f)
    {
        if (f.Role is null || !FileRoles.Contains(f.Role)) return FileAccessLevel.Denied;
        if (f.HasGrant) return FileAccessLevel.Granted;
        if (f.Role == "partner") return FileAccessLevel.Denied;
        if (f.ResponsibleTeamId is null) return FileAccessLevel.Team;
        if (f.UserTeamId is { } team && team == f.ResponsibleTeamId) return FileAccessLevel.Team;
        return f.HasActiveEmergencyGrant ? FileAccessLevel.Emergency : FileAccessLevel.Denied;
    }

    public const string ReasonTooShortCode = "break-glass-reason-required";
    public const int MinimumReasonLength = 15;
    public static readonly TimeSpan EmergencyAccessDuration = TimeSpan.FromHours(4);

    /// <summary>Breaking the glass needs a real reason: it is read by the team lead and the privacy officer.</summary>
    public static Common.DomainError? CheckEmergencyReason(string? reason) =>
        (reason?.Trim().Length ?? 0) < MinimumReasonLength
            ? new Common.DomainError(ReasonTooShortCode, "Reden", $"Beschrijf in minstens {MinimumReasonLength} tekens waarom u dit dossier in noodsituatie moet openen.")
            : reason!.Trim().Length > 1000
                ? new Common.DomainError(Common.TextRules.TooLongCode, "Reden", "De reden mag maximaal 1000 tekens lang zijn.")
                : null;
}
