using System.Threading.RateLimiting;

namespace Regie.Web.Infrastructure;

/// <summary>
/// Two limits in one limiter (ASP.NET Core has one global limiter):
/// per client address, a fixed number of login attempts per minute (lockout after 5 failures protects one
/// account; this protects against trying one password on many accounts); and per API caller (its key, or its
/// address for a session), a number of API requests per minute, so a key cannot run through the BSN range.
/// <c>Security:ApiRequestsPerMinute</c> 0 switches the API limit off (for a load run on 127.0.0.1).
/// </summary>
public static class RateLimits
{
    public const int DefaultApiRequestsPerMinute = 6000;

    public static IServiceCollection AddRegieRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("Security:LoginAttemptsPerMinute", 10);
        var apiPerMinute = config.GetValue("Security:ApiRequestsPerMinute", DefaultApiRequestsPerMinute);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.StartsWithSegments("/inloggen"))
                    return RateLimitPartition.GetFixedWindowLimiter("login:" + Address(ctx),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
                if (apiPerMinute > 0 && ctx.Request.Path.StartsWithSegments("/api/v1"))
                    return RateLimitPartition.GetFixedWindowLimiter("api:" + ApiCaller(ctx),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = apiPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
                return RateLimitPartition.GetNoLimiter("overig");
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await ErrorHandling.StatusProblem(StatusCodes.Status429TooManyRequests).ExecuteAsync(ctx.HttpContext);
                    return;
                }
                ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Te veel pogingen · Regie</title></head><body>" +
                    "<h1>Te veel inlogpogingen</h1><p>Wacht een minuut en probeer het dan opnieuw.</p><p><a href=\"/inloggen\">Naar inloggen</a></p></body></html>", ct);
            };
        });
        return services;
    }

    private static string Address(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "onbekend";

    /// <summary>The key's public prefix when one is presented (rg_PREFIX_secret), else the address; the limit runs before authentication.</summary>
    private static string ApiCaller(HttpContext ctx) =>
        ctx.Request.Headers[Features.ApiKeys.ApiKeyDefaults.Header].ToString().Split('_') is ["rg", { Length: 8 } prefix, _]
            ? "key:" + prefix
            : "addr:" + Address(ctx);
}
