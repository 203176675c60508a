using System.Security.Claims;

namespace Regie.Web.Infrastructure;

public static class RegieClaims
{
    public const string Gemeentecode = "regie:gemeentecode";
    public const string DisplayName = "regie:naam";
    public const string TeamId = "regie:team";
    public const string Organisation = "regie:organisatie";
    public const string OrganisationId = "regie:organisatie-id";
    /// <summary>The prefix of the API key a system called with; absent for people signed in.</summary>
    public const string ApiKey = "regie:api-sleutel";
}

/// <summary>The municipality whose residents this request may see. Scoped: one per request or CLI run.</summary>
public interface ICurrentMunicipality
{
    string? Gemeentecode { get; }
}

/// <summary>Who is acting, for the timeline and (later) the audit trail.</summary>
public interface ICurrentActor
{
    string ActorId { get; }
    string ActorName { get; }
}

/// <summary>
/// Resolves municipality and actor from the signed-in user; CLI commands and background jobs
/// set them explicitly with <see cref="ActAs"/>.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentMunicipality, ICurrentActor
{
    private string? _gemeentecode;
    private string? _actorId;
    private string? _actorName;
    private bool _explicit;
    private string? _role;
    private Guid? _teamId;
    private string? _organisation;
    private Guid? _organisationId;

    private ClaimsPrincipal? User => http.HttpContext?.User;

    public string? Gemeentecode => _gemeentecode ?? User?.FindFirstValue(RegieClaims.Gemeentecode);
    public string ActorId => _actorId ?? User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? Features.Audit.AuditActors.System;
    public string ActorName => _actorName ?? User?.FindFirstValue(RegieClaims.DisplayName) ?? "Systeem";

    /// <summary>
    /// The role that decides file access. A system actor (CLI, scheduled job: <see cref="ActAs"/>
    /// without a role) has none and is trusted; a request without a known role sees nothing.
    /// </summary>
    public string? Role => _explicit ? _role : Roles.All.FirstOrDefault(r => User?.IsInRole(r) == true);
    public bool IsSystem => _explicit && _role is null;
    public Guid? TeamId => _explicit ? _teamId : Guid.TryParse(User?.FindFirstValue(RegieClaims.TeamId), out var t) ? t : null;
    public string? Organisation => _explicit ? _organisation : User?.FindFirstValue(RegieClaims.Organisation);
    /// <summary>The organisation's id when the account or key is linked to a registered organisation; older ones have the name only.</summary>
    public Guid? OrganisationId => _explicit ? _organisationId : Guid.TryParse(User?.FindFirstValue(RegieClaims.OrganisationId), out var o) ? o : null;

    /// <param name="organisation">For the CLI acting for an organisation (an import) and for tests.</param>
    public void ActAs(string gemeentecode, string actorId, string actorName, string? role = null, Guid? teamId = null, string? organisation = null, Guid? organisationId = null)
    {
        _organisation = organisation;
        _organisationId = organisationId;
        _explicit = true;
        _gemeentecode = gemeentecode;
        _actorId = actorId;
        _actorName = actorName;
        _role = role;
        _teamId = teamId;
    }
}
