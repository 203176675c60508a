using System.Security.Claims;

namespace Regie.Web.Infrastructure;

public static class RegieClaims
{
    public const string Gemeentecode = "regie:gemeentecode";
    public const string DisplayName = "regie:naam";
    public const string TeamId = "regie:team";
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

    private ClaimsPrincipal? User => http.HttpContext?.User;

    public string? Gemeentecode => _gemeentecode ?? User?.FindFirstValue(RegieClaims.Gemeentecode);
    public string ActorId => _actorId ?? User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "systeem";
    public string ActorName => _actorName ?? User?.FindFirstValue(RegieClaims.DisplayName) ?? "Systeem";

    public void ActAs(string gemeentecode, string actorId, string actorName)
    {
        _gemeentecode = gemeentecode;
        _actorId = actorId;
        _actorName = actorName;
    }
}
