using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.ApiKeys;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    /// <summary>The API's scheme: the key when an X-Api-Key header is sent, otherwise the sign-in cookie.</summary>
    public const string ApiScheme = "RegieApi";
    public const string Header = "X-Api-Key";
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
        var key = await Context.RequestServices.GetRequiredService<ApiKeyService>().ValidateAsync(values.ToString().Trim(), Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Invalid API key");
        Claim[] organisationId = key.OrganisationId is { } o ? [new Claim(RegieClaims.OrganisationId, o.ToString())] : [];
        var identity = new ClaimsIdentity(
        [
            .. organisationId,
            new Claim(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
            new Claim(RegieClaims.DisplayName, $"{key.Organisation} (API-sleutel {key.Prefix})"),
            new Claim(RegieClaims.Gemeentecode, key.Gemeentecode),
            new Claim(RegieClaims.Organisation, key.Organisation),
            new Claim(ClaimTypes.Role, key.Role),
        ], ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var problem = new ProblemDetails
        {
            Status = 401, Title = "De API-sleutel is ongeldig of ingetrokken.", Type = "urn:regie:problem:api-key-invalid",
        };
        problem.Extensions["code"] = "api-key-invalid";
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
