using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Regie.Web.Data;
using Regie.Web.Features;
using Regie.Web.Features.Access;
using Regie.Web.Features.Account;
using Regie.Web.Features.Api;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Features.Health;
using System.Globalization;

namespace Regie.Web.Infrastructure;

/// <summary>The composition root: one place that wires Regie, used by the server, the CLI and the tests.</summary>
public static class RegieApp
{
    /// <summary>The session cookie of a signed-in person; the OpenAPI document names it as a way in.</summary>
    public const string SessionCookie = "regie.sessie";

    /// <param name="webRootPath">Tests point this at the source wwwroot; normally it is the published wwwroot.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, string? webRootPath = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(RegieApp).Assembly.GetName().Name,
            // Configuration and views travel with the binaries; the working directory only holds ./data/.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = webRootPath,
        });
        builder.Configuration.AddEnvironmentVariables(prefix: "REGIE_");
        configure?.Invoke(builder);

        builder.Logging.ClearProviders();
        if (builder.Configuration.GetValue("Logging:Format", "json") == "json")
            builder.Logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
        else
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddRegieDatabase(builder.Configuration);
        // Sign-in cookies must survive a restart: keep the key ring next to the data, not in the user profile.
        builder.Services.AddDataProtection()
            .SetApplicationName("Regie")
            .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine("data", "keys")));
        builder.Services.AddRegieIdentity();
        builder.Services.AddRegieApiKeys();
        builder.Services.AddRegieRateLimits(builder.Configuration);
        builder.Services.AddRegieFeatures(builder.Configuration);
        builder.Services.AddScoped<Demo.DemoSeeder>();
        builder.Services.AddRegieHealthChecks();
        // Its check runs in the host's "starting" step: before any hosted service starts and before the server listens.
        builder.Services.AddHostedService<Demo.DemoExposureGuard>();
        builder.Services.AddRegieApi();
        builder.Services.AddAuthorization(Policies.Add);
        // Dutch text (ë, é) is written as is, not as character references: smaller pages, readable source.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFeaturePages();
        });

        var app = builder.Build();

        var dutch = new CultureInfo("nl-NL");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(dutch),
            SupportedCultures = [dutch],
            SupportedUICultures = [dutch],
        });
        app.UseSecurityHeaders();
        app.UseRegieErrorHandling();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorForAdmins();
        app.UseRefusedReadAudit();
        app.MapRegieHealthChecks();
        app.MapRegieApi();
        app.MapRazorPages();
        return app;
    }
}

public static class IdentitySetup
{
    public static IServiceCollection AddRegieIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentMunicipality>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentUser>());

        services.AddIdentity<RegieUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<RegieDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<RegieClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/inloggen";
            o.LogoutPath = "/uitloggen";
            o.AccessDeniedPath = "/geen-toegang";
            o.Cookie.Name = RegieApp.SessionCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            // An API client gets a status code, not a login page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        // A system that sends a key cannot follow a login page; it must see the refusal itself.
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Headers.ContainsKey(ApiKeyDefaults.Header))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Puts the municipality, team and display name in the session, so every request knows its scope without a query.</summary>
/// <remarks>
/// Claims are made in two places only: here for people and in ApiKeyAuthenticationHandler for systems.
/// Features read claims, never how someone signed in, so an external OIDC provider can be added as
/// another scheme whose sign-in maps the provider's user to a RegieUser and issues these same claims.
/// </remarks>
public sealed class RegieClaimsFactory(UserManager<RegieUser> users, RoleManager<IdentityRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<RegieUser, IdentityRole>(users, roles, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(RegieUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new(RegieClaims.Gemeentecode, user.Gemeentecode));
        identity.AddClaim(new(RegieClaims.DisplayName, user.DisplayName));
        if (user.TeamId is { } team) identity.AddClaim(new(RegieClaims.TeamId, team.ToString()));
        if (user.Organisation is { } organisation) identity.AddClaim(new(RegieClaims.Organisation, organisation));
        if (user.OrganisationId is { } organisationId) identity.AddClaim(new(RegieClaims.OrganisationId, organisationId.ToString()));
        identity.AddClaim(new(RequireTwoFactor.Claim, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
