using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Access;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Staff;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using Regie.Web.Infrastructure.Demo;
using System.Net;

namespace Regie.Web.Tests;

/// <summary>
/// The functional admin names the aandachtsfunctionaris of the Meldcode: a flag on a team member (the staff pages are the
/// admin's alone, so team leads do not set it), audited, and only for someone who works in a team.
/// </summary>
public sealed class AandachtsfunctionarisAdminTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private async Task<(string Id, bool Flag)> StaffAsync(string email)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(u => u.Email == email)
            .Select(u => new ValueTuple<string, bool>(u.Id, u.IsAandachtsfunctionaris)).SingleAsync();
    }

    private async Task<List<string?>> StaffAuditAsync(string email)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .Where(a => a.Resource == AuditResources.Staff && a.Action == AuditActions.Update && a.Detail!.Contains(email))
            .OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
    }

    private AsyncServiceScope AdminScope()
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheerder", "Beheerder", Roles.Beheerder);
        return scope;
    }

    [Fact]
    public async Task Admin_names_a_team_member_aandachtsfunctionaris_on_the_staff_page_and_takes_it_away_again_both_audited()
    {
        var email = await _app.CreateAccountAsync(Roles.Professional, "Wijkteam Zuid");
        var (id, before) = await StaffAsync(email);
        Assert.False(before);
        var (admin, _, _) = await _app.SignedInWithTwoFactorAsync(Roles.Beheerder);
        using (admin)
        {
            var page = $"/beheer/medewerkers/{id}/aandachtsfunctionaris";
            Assert.Contains($"href=\"{page}\">Aandachtsfunctionaris aanwijzen", await admin.GetStringAsync("/beheer/medewerkers"));

            var named = await TestApp.PostFormAsync(admin, page, new Dictionary<string, string> { ["Input.Aandachtsfunctionaris"] = "Ja" });
            Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
            Assert.Equal("/beheer/medewerkers", named.Headers.Location!.OriginalString);
            Assert.True((await StaffAsync(email)).Flag);
            var list = await admin.GetStringAsync("/beheer/medewerkers");
            Assert.Contains($"href=\"{page}\">Aandachtsfunctionaris intrekken", list);
            Assert.Contains("Aandachtsfunctionaris meldcode</span>", list);

            var taken = await TestApp.PostFormAsync(admin, page, new Dictionary<string, string> { ["Input.Aandachtsfunctionaris"] = "Nee" });
            Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
            Assert.False((await StaffAsync(email)).Flag);
        }
        Assert.Equal([
            $"aandachtsfunctionaris meldcode: Test {Roles.Label(Roles.Professional)} ({email}) aangewezen",
            $"aandachtsfunctionaris meldcode: Test {Roles.Label(Roles.Professional)} ({email}) niet meer",
        ], await StaffAuditAsync(email));
    }

    [Theory]
    [InlineData(Roles.Consulent, null)]
    [InlineData(Roles.Professional, null)]
    [InlineData(Roles.Partner, null)]
    [InlineData(Roles.Beleid, "Wijkteam Noord")]
    [InlineData(Roles.Beheerder, "Wijkteam Noord")]
    public async Task Admin_cannot_name_someone_outside_a_wijkteam_aandachtsfunctionaris(string role, string? team)
    {
        var email = await _app.CreateAccountAsync(role, team);
        var (id, _) = await StaffAsync(email);
        await using var scope = AdminScope();
        var result = await scope.ServiceProvider.GetRequiredService<SetAandachtsfunctionarisHandler>()
            .HandleAsync(id, new StaffAandachtsfunctionarisInput { Aandachtsfunctionaris = "Ja" }, default);
        var error = Assert.Single(result.Errors);
        Assert.Equal((MeldcodeAccess.AandachtsfunctionarisInvalidCode, "Aandachtsfunctionaris"), (error.Code, error.Field));
        Assert.False((await StaffAsync(email)).Flag);
        Assert.Empty(await StaffAuditAsync(email));
    }

    [Fact]
    public async Task A_choice_other_than_ja_or_nee_is_refused_on_the_page_with_the_field_error()
    {
        var email = await _app.CreateAccountAsync(Roles.Teamleider, "Wijkteam Zuid");
        var (id, _) = await StaffAsync(email);
        await using (var scope = AdminScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SetAandachtsfunctionarisHandler>()
                .HandleAsync(id, new StaffAandachtsfunctionarisInput { Aandachtsfunctionaris = "Misschien" }, default);
            Assert.Equal(StaffRules.AandachtsfunctionarisChoiceCode, Assert.Single(result.Errors).Code);
            var unknown = await scope.ServiceProvider.GetRequiredService<SetAandachtsfunctionarisHandler>()
                .HandleAsync("bestaat-niet", new StaffAandachtsfunctionarisInput { Aandachtsfunctionaris = "Ja" }, default);
            Assert.Equal(CommandStatus.NotFound, unknown.Status);
        }
        var (admin, _, _) = await _app.SignedInWithTwoFactorAsync(Roles.Beheerder);
        using (admin)
        {
            var page = $"/beheer/medewerkers/{id}/aandachtsfunctionaris";
            var refused = await (await TestApp.PostFormAsync(admin, page, new Dictionary<string, string> { ["Input.Aandachtsfunctionaris"] = "" })).Content.ReadAsStringAsync();
            Assert.Contains("id=\"Input_Aandachtsfunctionaris-error\">Kies ja of nee.", refused);
        }
        Assert.False((await StaffAsync(email)).Flag);
    }

    [Fact]
    public async Task The_demo_team_has_an_aandachtsfunctionaris_printed_with_the_logins()
    {
        var login = Assert.Single(DemoSeeder.Logins, l => l.Aandachtsfunctionaris);
        Assert.Equal((Roles.Professional, "Wijkteam Noord"), (login.Role, login.Team));
        Assert.True((await StaffAsync(login.Email)).Flag);
        Assert.False((await StaffAsync("regisseur@voorbeeld.nl")).Flag);
        using var printed = new StringWriter();
        Startup.PrintDemoLogins(printed);
        Assert.Contains($"{login.Email}", printed.ToString());
        Assert.Contains("Wijkteam Noord, aandachtsfunctionaris meldcode", printed.ToString());
    }
}
