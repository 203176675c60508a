using Regie.Domain.Common;
using Regie.Web.Features.Api;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Account;

/// <summary>
/// Functional admins can change who sees what: they use Regie only with two-factor sign-in. Pages send an
/// admin without it to the set-up page; the API, which cannot show that page, refuses the session with 403
/// and code <see cref="ErrorCodes.TwoFactorRequired"/>. API keys are another system's credential with their
/// own scheme, not a person's session: they are not asked for a second factor.
/// </summary>
public static class RequireTwoFactor
{
    public const string Claim = "regie:2fa";
    public const string SetupPath = "/account/tweestapsverificatie";

    private static readonly string[] Open = [SetupPath, "/uitloggen", "/lib", "/css", "/js", "/fout", "/health"];

    /// <summary>Runs after authorisation, so on the API the user is the one the API's scheme chose (the key when one is sent).</summary>
    public static IApplicationBuilder UseTwoFactorForAdmins(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var user = ctx.User;
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: not ApiKeyDefaults.Scheme } && user.IsInRole(Roles.Beheerder)
            && user.FindFirst(Claim)?.Value != "true")
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                await ApiResults.Problem(StatusCodes.Status403Forbidden, "Tweestapsverificatie is nodig.",
                    [new DomainError(ErrorCodes.TwoFactorRequired, "",
                        $"Als functioneel beheerder gebruikt u de API met uw sessie pas als u met tweestapsverificatie bent ingelogd. Zet die aan op {SetupPath}.")])
                    .ExecuteAsync(ctx);
                return;
            }
            if (!Open.Any(p => ctx.Request.Path.StartsWithSegments(p)))
            {
                ctx.Response.Redirect(SetupPath);
                return;
            }
        }
        await next();
    });
}
