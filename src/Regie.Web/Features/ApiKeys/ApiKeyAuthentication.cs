using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Regie.Web.Infrastructure;
using System.Security.Claims;
using System.Text.Encodings.Web;

namespace Regie.Web.Features.ApiKeys;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    /// <summary>The API's scheme: the key when an X-Api-Key header is sent, otherwise the sign-in cookie.</summary>
    public const string ApiScheme = "RegieApi";
    public const string Header = "X-Api-Key";
    public const string InvalidKeyCode = "api-key-invalid";
}

/// <summary>
/// Turns a valid key into the same kind of principal a signed-in user has (id, name,
/// municipality, role, organisation), so every rule that reads claims treats systems and people alike.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.Header, out var values)) return AuthenticateResult.NoResult();
        var service = Context.RequestServices.GetRequiredService<ApiKeyService>();
        var key = await service.ValidateAsync(values.ToString().Trim(), Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Invalid API key");
        List<Claim> claims =
        [
            new(RegieClaims.Gemeentecode, key.Gemeentecode),
            new(RegieClaims.Organisation, key.Organisation),
            new(ClaimTypes.Role, key.Role),
            new(RegieClaims.ApiKey, key.Prefix),
        ];
        if (key.OrganisationId is { } o) claims.Add(new(RegieClaims.OrganisationId, o.ToString()));
        if (key.TeamId is { } t) claims.Add(new(RegieClaims.TeamId, t.ToString()));
        if (key.UserId is not null)
        {
            // A person's key acts as that person, so their own actions (a spend they made) stay theirs; the name says it was the key.
            if (await service.ActingUserAsync(key, Context.RequestAborted) is not { } user) return AuthenticateResult.Fail("API key's account is locked or changed");
            claims.Add(new(ClaimTypes.NameIdentifier, user.Id));
            claims.Add(new(RegieClaims.DisplayName, $"{user.DisplayName} (API-sleutel {key.Prefix})"));
        }
        else
        {
            claims.Add(new(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"));
            claims.Add(new(RegieClaims.DisplayName, $"{key.Organisation} (API-sleutel {key.Prefix})"));
        }
        var identity = new ClaimsIdentity(claims, ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var problem = new ProblemDetails
        {
            Status = 401, Title = "De API-sleutel is ongeldig of ingetrokken.", Type = $"urn:regie:problem:{ApiKeyDefaults.InvalidKeyCode}",
        };
        problem.Extensions["code"] = ApiKeyDefaults.InvalidKeyCode;
        await Results.Problem(problem).ExecuteAsync(Context);
    }
}

public static class ApiKeySetup
{
    public static IServiceCollection AddRegieApiKeys(this IServiceCollection services)
    {
        services.AddScoped<ApiKeyService>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null)
            .AddPolicyScheme(ApiKeyDefaults.ApiScheme, "Cookie of API-sleutel", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeyDefaults.Header) ? ApiKeyDefaults.Scheme : IdentityConstants.ApplicationScheme);
        return services;
    }
}
