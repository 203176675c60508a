using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>Every id a write asks for can be read through the API: staff, teams and organisations of the caller's municipality.</summary>
public sealed class AssigneesApiTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Professional_reads_the_teams_staff_and_assigns_a_coordinator_with_an_id_from_the_list()
    {
        var (household, _) = await new Given(_app).Resident("Regisseur", "Lijst", team: Given.Noord);
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var teams = await client.GetFromJsonAsync<JsonElement>("/api/v1/teams");
        var noord = teams.EnumerateArray().Single(t => t.GetProperty("naam").GetString() == "Wijkteam Noord").GetProperty("id").GetGuid();

        var staff = await client.GetFromJsonAsync<JsonElement>($"/api/v1/staff?team={noord}");
        Assert.All(staff.EnumerateArray(), s => Assert.Equal("Wijkteam Noord", s.GetProperty("team").GetString()));
        Assert.All(staff.EnumerateArray(), s => Assert.Equal(["id", "naam", "rol", "teamId", "team"], s.EnumerateObject().Select(p => p.Name)));
        var lead = staff.EnumerateArray().Single(s => s.GetProperty("rol").GetString() == "teamleider");
        Assert.Contains(staff.EnumerateArray(), s => s.GetProperty("rol").GetString() == "professional");
        // The whole list also names the desk's consultants, who can own a plan action or give light support.
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/staff");
        Assert.Equal("consulent", all.EnumerateArray().Single(s => s.GetProperty("naam").GetString() == "Peter Smit").GetProperty("rol").GetString());

        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}")).GetProperty("versie").GetInt32();
        var assigned = await client.PutAsJsonAsync($"/api/v1/households/{household}/coordinator", new { regisseurId = lead.GetProperty("id").GetString(), versie = version });
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);

        await using var check = _app.Scope();
        var audited = await check.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.Where(e => e.Action == "search" && (e.Resource == Regie.Web.Features.Audit.AuditResources.Staff || e.Resource == "team"))
            .Select(e => e.Resource + ": " + e.Detail).ToListAsync();
        Assert.Contains("team: lijst teams", audited);
        Assert.Contains($"staff: lijst medewerkers van team {noord}", audited);
    }

    [Fact]
    public async Task Organisations_list_names_the_kind_and_their_ids_are_what_light_support_and_referrals_take()
    {
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.Organisations.Add(new Organisation { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Name = "Buurtwerk Lijst", Kind = "partner", Email = "info@buurtwerk.example" });
            db.Organisations.Add(new Organisation { Id = Guid.CreateVersion7(), Gemeentecode = "0363", Name = "Elders Lijst", Kind = "partner" });
            await db.SaveChangesAsync();
        }
        using var client = await _app.SignedInClientAsync("teamleider@voorbeeld.nl");
        var body = await client.GetStringAsync("/api/v1/organisations");
        var organisations = JsonDocument.Parse(body).RootElement;
        var buurtwerk = organisations.EnumerateArray().Single(o => o.GetProperty("naam").GetString() == "Buurtwerk Lijst");
        Assert.Equal("partner", buurtwerk.GetProperty("soort").GetString());
        Assert.DoesNotContain("Elders Lijst", body);
        Assert.DoesNotContain("info@buurtwerk.example", body);
    }

    [Fact]
    public async Task Partners_and_departments_do_not_get_the_lists()
    {
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        using var department = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        foreach (var path in new[] { "/api/v1/staff", "/api/v1/teams", "/api/v1/organisations" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Staff_list_of_an_unreadable_or_unknown_team_names_nobody()
    {
        using var client = await _app.SignedInClientAsync("regisseur@voorbeeld.nl");
        var malformed = await client.GetAsync("/api/v1/staff?team=noord");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("request-invalid", (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // A team id that is not one of this municipality's teams lists no one.
        var unknown = await client.GetFromJsonAsync<JsonElement>($"/api/v1/staff?team={Guid.NewGuid()}");
        Assert.Equal(0, unknown.GetArrayLength());
    }
}
