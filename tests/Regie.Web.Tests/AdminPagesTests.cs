using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Infrastructure;
using System.Net;

namespace Regie.Web.Tests;

/// <summary>
/// Admin pages live in the Admin folder of the slice they administer (/SocialMap/Admin/…, /Staff/Admin/…). Wherever
/// they live they keep their /beheer/ address, only the functional admin opens them, and only after two-factor sign-in.
/// </summary>
public sealed class AdminPagesTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    [Fact]
    public async Task Functional_admin_opens_every_admin_page_only_with_two_factor_and_nobody_else_does()
    {
        var pages = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath.Contains("/Admin/", StringComparison.Ordinal) == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal([
            "/beheer/aanbieders", "/beheer/aanbieders/{id:guid}", "/beheer/lichte-ondersteuning", "/beheer/medewerkers", "/beheer/medewerkers/{id}", "/beheer/medewerkers/{id}/aandachtsfunctionaris",
            "/beheer/medewerkers/{id}/tweestapsverificatie",
            "/beheer/sociale-kaart", "/beheer/sociale-kaart/{id:guid}", "/beheer/termijnen", "/beheer/triage", "/beheer/vroegsignalering",
        ], pages);

        string colleague;
        await using (var scope = fixture.App.Scope())
            colleague = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.Id).SingleAsync();
        var (admin, _, _) = await fixture.App.SignedInWithTwoFactorAsync(Roles.Beheerder);
        using var passwordOnly = await fixture.App.SignedInClientAsync("beheerder@voorbeeld.nl");
        using var professional = await fixture.App.SignedInClientAsync("regisseur@voorbeeld.nl");
        using (admin)
        {
            foreach (var page in pages)
            {
                var path = page.Replace("{id}", colleague).Replace("{id:guid}", Guid.Empty.ToString());
                // An unknown service or provider: past authorisation, the page itself answers that it does not exist.
                var expected = page is "/beheer/sociale-kaart/{id:guid}" or "/beheer/aanbieders/{id:guid}" ? HttpStatusCode.NotFound : HttpStatusCode.OK;
                Assert.Equal((path, expected), (path, (await admin.GetAsync(path)).StatusCode));
                Assert.Equal((path, "/account/tweestapsverificatie"), (path, await RedirectTargetAsync(passwordOnly, path)));
                Assert.Equal((path, "/geen-toegang"), (path, await RedirectTargetAsync(professional, path)));
            }
        }
    }

    private async Task<string> RedirectTargetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(fixture.App.BaseAddress, response.Headers.Location!).AbsolutePath;
    }
}
