using System.Threading.RateLimiting;

namespace Regie.Web.Features.Account;

/// <summary>
/// Per client address, a fixed number of login attempts per minute. Lockout (5 failures) protects
/// one account; this protects against trying one password on many accounts.
/// </summary>
public static class LoginRateLimit
{
    public static IServiceCollection AddRegieLoginRateLimit(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("Security:LoginAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.StartsWithSegments("/inloggen")
                    ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("overig"));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Te veel pogingen · Regie</title></head><body>" +
                    "<h1>Te veel inlogpogingen</h1><p>Wacht een minuut en probeer het dan opnieuw.</p><p><a href=\"/inloggen\">Naar inloggen</a></p></body></html>", ct);
            };
        });
        return services;
    }
}
