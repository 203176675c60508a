using Regie.Domain.Common;

namespace Regie.Domain.Access;

/// <summary>
/// The scope of a new API key: for a team (it acts for that team) or for a person (it acts as them). The caller looks up the
/// municipality, team, account and organisation and passes what it found; the checks run in the order the command line reads.
/// </summary>
public static class ApiKeyRules
{
    public const string ScopeInvalidCode = "api-key-scope-invalid";
    public const string UserUnknownCode = "api-key-user-unknown";
    public const string TeamUnknownCode = "api-key-team-unknown";
    /// <summary>A role that is no role of a staff member; the household roles have their own code.</summary>
    public const string RoleInvalidCode = "api-key-role-invalid";
    public const string OrganisationUnknownCode = "api-key-organisation-unknown";
    public const string MunicipalityUnknownCode = "api-key-municipality-unknown";

    /// <summary>The account a person key is for, as found: its role (none when it has none), whether it is locked, and its own organisation.</summary>
    public sealed record KeyUser(string? Role, bool LockedOut, string Organisation);

    public static DomainError MunicipalityUnknown(string gemeente) =>
        new(MunicipalityUnknownCode, "gemeente", $"Gemeente {gemeente} bestaat niet in deze installatie.");

    /// <summary>A key is for a team or for a person, not both: a person's key already acts for their team.</summary>
    public static DomainError? CheckScopeChoice(string? team, string? userEmail) =>
        team is not null && userEmail is not null
            ? new DomainError(ScopeInvalidCode, "team", "Kies --team of --user, niet beide: een sleutel van een persoon handelt al voor diens team.")
            : null;

    /// <summary>
    /// A person's key (<paramref name="user"/> null when no account was found): it has the person's role, the account must not
    /// be locked, and it acts for the person's own organisation, never for one named on the command line.
    /// </summary>
    public static DomainError? CheckPersonKey(string userEmail, string gemeente, KeyUser? user, string? role, string? organisation)
    {
        var email = userEmail.Trim();
        if (user is null) return new DomainError(UserUnknownCode, "user", $"Geen account met e-mailadres {email} in gemeente {gemeente}.");
        if (user.Role is null) return new DomainError(UserUnknownCode, "user", $"Het account {email} heeft geen rol.");
        if (role is not null && role != user.Role)
            return new DomainError(ScopeInvalidCode, "role", $"Een sleutel van een persoon heeft diens rol ({user.Role}); laat --role weg of geef {user.Role}.");
        if (user.LockedOut) return new DomainError(ScopeInvalidCode, "user", $"Het account {email} is geblokkeerd.");
        if (organisation is not null && organisation.Trim() != user.Organisation)
            return new DomainError(ScopeInvalidCode, "org", $"Een sleutel van een persoon handelt voor diens organisatie ({user.Organisation}); laat --org weg.");
        return null;
    }

    /// <summary>A team's key: the team must exist in the municipality, and the key has one of the team roles.</summary>
    public static DomainError? CheckTeamKey(string team, string gemeente, bool teamFound, string? role)
    {
        if (!teamFound) return new DomainError(TeamUnknownCode, "team", $"Geen team met de naam {team.Trim()} in gemeente {gemeente}.");
        return IsTeamRole(role) ? null
            : new DomainError(ScopeInvalidCode, "role", $"Een sleutel van een team heeft de rol {RoleNames.Professional} of {RoleNames.Teamleider}.");
    }

    /// <summary>A key for neither a team nor a person: the team roles need a team, since every team rule reads the actor's team.</summary>
    public static DomainError? CheckRoleNeedsTeam(string? role) =>
        IsTeamRole(role)
            ? new DomainError(ScopeInvalidCode, "role", $"Een sleutel met de rol {role} werkt alleen voor een team: geef --team NAAM of --user E-MAIL.")
            : null;

    public static DomainError? CheckRole(string? role) =>
        role is null || !RoleNames.All.Contains(role)
            ? new DomainError(RoleInvalidCode, "role", $"Onbekende rol. Kies uit: {string.Join(", ", RoleNames.All)}.")
            : null;

    /// <summary>
    /// A partner's key that is not a person's sees what its organisation is part of: without a registered organisation
    /// (<paramref name="organisationFound"/>) it would act for nobody known.
    /// </summary>
    public static DomainError? CheckOrganisation(string organisation, string gemeente, bool personKey, string role, bool organisationFound) =>
        !personKey && role == RoleNames.Partner && !organisationFound
            ? new DomainError(OrganisationUnknownCode, "org", $"Geen geregistreerde organisatie met de naam {organisation} in gemeente {gemeente}; een sleutel met de rol {RoleNames.Partner} hoort bij een organisatie uit het organisatieoverzicht.")
            : null;

    private static bool IsTeamRole(string? role) => role is RoleNames.Professional or RoleNames.Teamleider;
}
