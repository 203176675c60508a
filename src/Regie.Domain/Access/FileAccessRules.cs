namespace Regie.Domain.Access;

public enum FileAccessLevel
{
    Denied,
    /// <summary>The user's team holds the file, or nobody does yet (registry only).</summary>
    Team,
    /// <summary>The user was added to the file (another team's professional, a partner, the desk until it hands over).</summary>
    Granted,
    /// <summary>Break the glass: time-limited emergency access with a stated reason.</summary>
    Emergency,
}

/// <summary>What a user wants to do with a file. Each access level allows some of it (<see cref="FileAccessRules.CheckWork"/>).</summary>
public enum FileWork
{
    /// <summary>Read the file, and put a note on its timeline: what an emergency needs.</summary>
    Read,
    /// <summary>Work in the file: plan, ZRM, requests, referrals, light support, address and contact details.</summary>
    Change,
    /// <summary>
    /// Change who holds the file or what it is about: the coordinator, the members, opening or closing a
    /// trajectory, the route of a request, and spending the team's budget. Only the team that holds the file.
    /// </summary>
    Hold,
}

/// <summary>What the rules need to know about one user and one household file.</summary>
/// <param name="HasGrant">Added to the file, without end or not yet ended.</param>
/// <param name="UnheldWithContent">No team holds the file, and a request of it was routed away from the teams (the desk, a general provision).</param>
public sealed record FileAccessFacts(
    string? Role,
    Guid? UserTeamId,
    Guid? ResponsibleTeamId,
    bool HasGrant,
    bool HasActiveEmergencyGrant,
    bool UnheldWithContent = false);

/// <summary>
/// Need-to-know, as DOMAIN.md and the AVG ask: social-domain files hold special-category data,
/// so only the people who help a household see its file. Role names are those of
/// Regie.Web.Infrastructure.Roles (kept as strings so this project stays free of the web layer).
/// </summary>
public static class FileAccessRules
{
    /// <summary>Roles that work in files. Departments, policy, privacy and admins never see file content.</summary>
    public static readonly IReadOnlySet<string> FileRoles = new HashSet<string> { RoleNames.Professional, RoleNames.Teamleider, RoleNames.Consulent, RoleNames.Partner };

    /// <summary>Roles that may search the registry and ask for emergency access.</summary>
    public static readonly IReadOnlySet<string> CareRoles = new HashSet<string> { RoleNames.Professional, RoleNames.Teamleider, RoleNames.Consulent };

    public static FileAccessLevel Decide(FileAccessFacts f)
    {
        if (f.Role is null || !FileRoles.Contains(f.Role)) return FileAccessLevel.Denied;
        if (f.Role == RoleNames.Partner) return f.HasGrant ? FileAccessLevel.Granted : FileAccessLevel.Denied;
        // A file nobody holds yet is registry data, or a request waiting for any team's intake: the care roles of the
        // municipality work in it as a team would. Once a request was routed away from the teams, it is the desk's: a
        // team reads it only when added or by breaking the glass.
        if (f.ResponsibleTeamId is null && (!f.UnheldWithContent || f.UserTeamId is null)) return FileAccessLevel.Team;
        if (f.UserTeamId is { } team && team == f.ResponsibleTeamId) return FileAccessLevel.Team;
        if (f.HasGrant) return FileAccessLevel.Granted;
        return f.HasActiveEmergencyGrant ? FileAccessLevel.Emergency : FileAccessLevel.Denied;
    }

    public const string EmergencyReadOnlyCode = "emergency-access-read-only";
    public const string HeldByOtherTeamCode = "file-held-by-other-team";

    /// <summary>
    /// Whether a level allows the work. Breaking the glass opens a file to read (and to note on its timeline),
    /// never to change it, let alone to take it over; being added to a file lets one work in it, but who holds
    /// it, its members and its money stay with the holding team.
    /// </summary>
    public static Common.DomainError? CheckWork(FileAccessLevel level, FileWork work) => (level, work) switch
    {
        (FileAccessLevel.Denied, _) => new Common.DomainError(Common.DomainError.NotFoundCode, "", "Het huishouden is niet gevonden."),
        (_, FileWork.Read) => null,
        (FileAccessLevel.Emergency, _) => new Common.DomainError(EmergencyReadOnlyCode, "",
            "Met noodtoegang kunt u het dossier lezen en een notitie op de tijdlijn zetten. Wijzigen doet het team dat het dossier heeft."),
        (FileAccessLevel.Team, _) => null,
        (FileAccessLevel.Granted, FileWork.Change) => null,
        _ => new Common.DomainError(HeldByOtherTeamCode, "",
            "Dit kan alleen het team dat het dossier heeft: de regisseur, de leden, het traject en het budget zijn van dat team."),
    };

    public static bool Allows(FileAccessLevel level, FileWork work) => CheckWork(level, work) is null;

    public const string ReasonTooShortCode = "break-glass-reason-required";
    public const int MinimumReasonLength = 15;
    public const int MaximumReasonLength = 1000;
    public static readonly TimeSpan EmergencyAccessDuration = TimeSpan.FromHours(4);

    /// <summary>
    /// A desk consultant who registers a household works in it while no team holds it (the registry rule above
    /// gives that), and the record of it ends with the hand-over or after this long at most: the Wmo's six-week
    /// investigation with two weeks to spare. Applications stay visible to the desk by their own rule.
    /// </summary>
    public static readonly TimeSpan DeskGrantDuration = TimeSpan.FromDays(8 * 7);

    public const string BreakGlassNotNeededCode = "break-glass-not-needed";

    /// <summary>Breaking the glass is for a file the user cannot work in otherwise: not for their team's file or one they were added to.</summary>
    public static Common.DomainError? CheckBreakGlassNeeded(FileAccessLevel level) =>
        level is FileAccessLevel.Team or FileAccessLevel.Granted
            ? new Common.DomainError(BreakGlassNotNeededCode, "Reden", "U heeft al toegang tot dit dossier; noodtoegang is niet nodig.")
            : null;

    /// <summary>Breaking the glass needs a real reason: it is read by the team lead and the privacy officer.</summary>
    public static Common.DomainError? CheckEmergencyReason(string? reason) =>
        (reason?.Trim().Length ?? 0) < MinimumReasonLength
            ? new Common.DomainError(ReasonTooShortCode, "Reden", $"Beschrijf in minstens {MinimumReasonLength} tekens waarom u dit dossier in noodsituatie moet openen.")
            : reason!.Trim().Length > MaximumReasonLength
                ? new Common.DomainError(Common.TextRules.TooLongCode, "Reden", $"De reden mag maximaal {MaximumReasonLength} tekens lang zijn.")
                : null;
}
