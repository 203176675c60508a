using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.Plans;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 21: the plan's own sections — what goes well, the concerns with the heaviest first, earlier help — are part of
/// the plan: each change is a version, the comparison shows it, the PDF carries it, and earlier help can be filled in from the file.
/// </summary>
public sealed class PlanSectionsTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static string Path(Guid household) => $"/api/v1/households/{household}/plan/sections";

    private static object Sections(int version, string strengths = "Sanne houdt de moed erin") => new
    {
        sterktes = strengths,
        zorgen = new object[]
        {
            new { wat = "De huurachterstand", belangrijkst = false },
            new { wat = "" },
            new { wat = "Sanne slaapt slecht en is overbelast", belangrijkst = true },
        },
        eerdereHulp = "Schuldhulp in 2024, niet afgemaakt",
        versie = version,
    };

    [Fact]
    public async Task Professional_writes_what_goes_well_the_concerns_and_earlier_help_as_a_new_version_the_comparison_shows()
    {
        var (household, _) = await Given.HouseholdWithActivePlan("Onderdelen", "Sanne", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();

        var saved = await client.PutAsJsonAsync(Path(household), Sections(1));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("versie").GetInt32());
        // Saved again unchanged: no new version.
        Assert.Equal(2, JsonDocument.Parse(await (await client.PutAsJsonAsync(Path(household), Sections(2))).Content.ReadAsStringAsync()).RootElement.GetProperty("versie").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Path(household), Sections(2, "Sanne en Ria staan voor elkaar klaar"))).StatusCode);
        Assert.Equal((Regie.Web.Features.Shared.ErrorCodes.ConcurrencyConflict, ""), await ProblemAsync(await client.PutAsJsonAsync(Path(household), Sections(2, "Oud")),
            HttpStatusCode.Conflict));

        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/plan");
        Assert.Equal(("Sanne en Ria staan voor elkaar klaar", "Schuldhulp in 2024, niet afgemaakt"), (plan.GetProperty("sterktes").GetString(), plan.GetProperty("eerdereHulp").GetString()));
        Assert.Equal(["Sanne slaapt slecht en is overbelast:True", "De huurachterstand:False"],
            plan.GetProperty("zorgen").EnumerateArray().Select(z => $"{z.GetProperty("wat").GetString()}:{z.GetProperty("belangrijkst").GetBoolean()}"));

        await using var scope = _app.Scope();
        var queries = scope.ServiceProvider.GetRequiredService<PlanQueries>();
        var view = (await queries.CurrentAsync(household, default))!;
        Assert.Equal(["Bijgewerkt: wat goed gaat", "Bijgewerkt: wat goed gaat, zorgen, eerdere hulp", "Plan gestart"],
            (await queries.VersionsAsync(household, view.Id, default)).Select(v => v.Wijziging));
        var rows = (await queries.CompareAsync(household, view.Id, 1, 2, default))!.Rijen.Where(r => r.Soort != DiffKind.Gelijk).ToList();
        Assert.Equal([("Wat goed gaat", DiffKind.Nieuw, "Sanne houdt de moed erin"), ("Zorgen", DiffKind.Nieuw, "Belangrijkst: Sanne slaapt slecht en is overbelast\nDe huurachterstand"),
            ("Eerdere hulp", DiffKind.Nieuw, "Schuldhulp in 2024, niet afgemaakt")], rows.Select(r => (r.Onderdeel, r.Soort, r.Rechts!)));
        var later = Assert.Single((await queries.CompareAsync(household, view.Id, 2, 3, default))!.Rijen, r => r.Soort != DiffKind.Gelijk);
        Assert.Equal(("Wat goed gaat", DiffKind.Gewijzigd), (later.Onderdeel, later.Soort));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/plan"));
        Assert.Matches(@"<li><strong>Belangrijkst:</strong> Sanne slaapt slecht en is overbelast</li>\s*<li>De huurachterstand</li>", page);
        var pdf = string.Join("\n", PdfText.Pages(await client.GetByteArrayAsync($"/huishoudens/{household}/plan.pdf")));
        Assert.Contains("Wat goed gaat", pdf);
        Assert.Contains("Onze zorgen", pdf);
        Assert.Contains("Belangrijkst: Sanne slaapt slecht", pdf);
        Assert.Contains("Eerdere hulp", pdf);
        Assert.Contains("Schuldhulp in 2024", pdf);
    }

    [Fact]
    public async Task More_than_ten_concerns_or_a_too_long_one_are_refused_at_their_field()
    {
        var (household, _) = await Given.HouseholdWithActivePlan("Teveelzorgen", "Sanne", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        var many = new { zorgen = Enumerable.Range(1, 11).Select(i => new { wat = $"Zorg {i}" }), versie = 1 };
        Assert.Equal((PlanSectionRules.TooManyConcernsCode, "zorgen"), await ProblemAsync(await client.PutAsJsonAsync(Path(household), many), HttpStatusCode.BadRequest));
        var tooLong = new { zorgen = new[] { new { wat = new string('x', PlanSectionRules.ConcernMaxLength + 1) } }, versie = 1 };
        Assert.Equal((Regie.Domain.Common.TextRules.TooLongCode, "zorgen[0].wat"), await ProblemAsync(await client.PutAsJsonAsync(Path(household), tooLong), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Earlier_help_is_filled_in_from_an_earlier_trajectory_of_the_file_and_saved_only_when_the_worker_saves()
    {
        var (household, _) = await Given.HouseholdWithActivePlan("Eerderehulp", "Sanne", team: Given.Noord);
        var (from, until) = (DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2), DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1));
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.Trajectories.Add(new Trajectory
            {
                Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = household, OpenedOn = from, ClosedOn = until, OpenedBy = "test-user",
                CreatedAt = DateTime.UtcNow.AddYears(-2),
            });
            await db.SaveChangesAsync();
        }
        using var client = await _app.SignedInClientAsync();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/plan/onderdelen"));
        Assert.Contains($"- Traject van {Regie.Domain.Common.DutchDate.Format(from)} tot {Regie.Domain.Common.DutchDate.Format(until)}", page);
        Assert.Contains("Aangevuld uit het dossier.", page);
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}/plan");
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("eerdereHulp").ValueKind);
        Assert.Equal(1, plan.GetProperty("versie").GetInt32());
    }

    [Fact]
    public async Task Earlier_help_from_the_file_names_only_referrals_that_are_over()
    {
        var (household, person, _) = await Given.HouseholdWithActivePlan("Verwezenhulp", "Sanne", team: Given.Noord);
        var at = DateTime.UtcNow.AddMonths(-3);
        var by = new Referral.Referrer("test-user", "Test", null, null, null);
        Referral Sent(string provider) => Referral.Send(TestApp.Gemeentecode, household, person, null, new ReferralTarget(null, provider, null, "Hulp", null), "Kunt u helpen?",
            DateOnly.FromDateTime(at).AddDays(14), by, at);
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var (open, started, finished, declined, withdrawn) = (Sent("Open Deur"), Sent("Gestart Huis"), Sent("Klaar Zorg"), Sent("Nee Hulp"), Sent("Terug Werk"));
            foreach (var r in new[] { started, finished })
            {
                r.Step(ReferralStatus.Geaccepteerd, ReferralParty.Aanbieder, null, null, at);
                r.Step(ReferralStatus.Gestart, ReferralParty.Aanbieder, null, null, at);
            }
            finished.Step(ReferralStatus.Afgerond, ReferralParty.Aanbieder, null, "Budgetplan staat", at);
            declined.Step(ReferralStatus.Afgewezen, ReferralParty.Aanbieder, "Past niet", null, at);
            withdrawn.Step(ReferralStatus.Ingetrokken, ReferralParty.Team, null, null, at);
            db.Referrals.AddRange(open, started, finished, declined, withdrawn);
            await db.SaveChangesAsync();
        }
        using var client = await _app.SignedInClientAsync();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}/plan/onderdelen"));
        var on = Regie.Domain.Common.DutchDate.Format(DateOnly.FromDateTime(at));
        Assert.Contains($"- Verwijzing naar Klaar Zorg (Hulp), {on}: afgerond", page);
        Assert.Contains($"- Verwijzing naar Nee Hulp (Hulp), {on}: afgewezen", page);
        Assert.Contains($"- Verwijzing naar Terug Werk (Hulp), {on}: ingetrokken", page);
        Assert.DoesNotContain("Open Deur", page);
        Assert.DoesNotContain("Gestart Huis", page);
    }
}
