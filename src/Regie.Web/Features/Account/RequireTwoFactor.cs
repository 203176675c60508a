using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Account;

/// <summary>Functional admins can change who sees what: they use Regie only with two-factor sign-in.</summary>
public static class RequireTwoFactor
{
    public const string Claim = "regie:2fa";

    private static readonly string[] Open = ["/account/tweestapsverificatie", "/uitloggen", "/lib", "/css", "/js", "/fout", "/health", "/api"];

    public static IApplicationBuilder UseTwoFactorForAdmins(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Beheerder) && user.FindFirst(Claim)?.Value != "true"
            && !Open.Any(p => ctx.Request.Path.StartsWithSegments(p)))
        {
            ctx.Response.Redirect("/account/tweestapsverificatie");
            return;
        }
        await next();
    });
}
