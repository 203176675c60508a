using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>
/// The Veilig Verder plan, the household plan's safety annex: safety goals, agreements for when danger returns, who keeps
/// watch, and the household's agreement with a version; a PDF of its own, and in the plan's PDF on pages of its own. For
/// the care roles that may open the file only; emergency access reads it; nothing of it goes on the shared timeline.
/// </summary>
public sealed class VeiligVerderTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Path(Guid household) => $"/api/v1/households/{household}/plan/veilig-verder";

    private static async Task<int> CreatedVersionAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("versie").GetInt32();
    }

    private async Task<int> EventsAsync(Guid household)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().HouseholdEvents.CountAsync(e => e.HouseholdId == household);
    }

    /// <summary>A household of one held by Noord with an active plan, coordinated by the demo professional, and its Veilig Verder plan at version 4.</summary>
    private async Task<(Resident Resident, HttpClient Client)> PlanWithAnnexAsync(string surname)
    {
        var resident = await Given.HouseholdWithActivePlan(surname, "Sanne", team: Given.Noord, coordinator: Given.Coordinator);
        var client = await _app.SignedInClientAsync();
        var h = resident.Household;
        Assert.Equal(1, await CreatedVersionAsync(await client.PostAsync(Path(h), null)));
        Assert.Equal(2, await CreatedVersionAsync(await client.PostAsJsonAsync($"{Path(h)}/goals",
            new { wat = "Sanne voelt zich thuis veilig", persoonId = resident.Person, streefdatum = InDays(90), versie = 1 })));
        Assert.Equal(3, await CreatedVersionAsync(await client.PostAsJsonAsync($"{Path(h)}/agreements",
            new { wie = "Professional", naam = "Wijkagent De Vries", wat = "komt direct langs", signaal = "als haar ex-partner voor de deur staat", versie = 2 })));
        Assert.Equal(4, await CreatedVersionAsync(await client.PostAsJsonAsync($"{Path(h)}/checks",
            new { wie = "De regisseur", hoe = "Huisbezoek", aantal = "2", eenheid = "Weken", volgendeControle = InDays(14), versie = 3 })));
        return (resident, client);
    }

    [Fact]
    public async Task Coordinator_makes_a_veilig_verder_plan_and_the_household_agrees_with_its_version()
    {
        var (resident, client) = await PlanWithAnnexAsync("Veiligverder");
        using var _ = client;
        var h = resident.Household;
        Assert.Equal((VeiligVerderRules.ExistsCode, ""), await ProblemAsync(await client.PostAsync(Path(h), null), HttpStatusCode.BadRequest));

        var plan = await OkAsync(await client.GetAsync(Path(h)));
        Assert.Equal((4, true), (plan.GetProperty("versie").GetInt32(), plan.GetProperty("isActive").GetBoolean()));
        var goal = Assert.Single(plan.GetProperty("doelen").EnumerateArray());
        Assert.Equal(("Sanne voelt zich thuis veilig", "Sanne Veiligverder", "Open"),
            (goal.GetProperty("wat").GetString(), goal.GetProperty("persoon").GetString(), goal.GetProperty("status").GetString()));
        var agreement = Assert.Single(plan.GetProperty("afspraken").EnumerateArray());
        Assert.Equal(("Professional", "Wijkagent De Vries", "als haar ex-partner voor de deur staat"),
            (agreement.GetProperty("wie").GetString(), agreement.GetProperty("naam").GetString(), agreement.GetProperty("signaal").GetString()));
        var check = Assert.Single(plan.GetProperty("toezicht").EnumerateArray());
        Assert.Equal(("Huisbezoek", 2, "Weken", InDays(14)),
            (check.GetProperty("hoe").GetString(), check.GetProperty("aantal").GetInt32(), check.GetProperty("eenheid").GetString(), check.GetProperty("volgendeControle").GetString()));
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("akkoord").ValueKind);

        Assert.Equal(4, await VersionAsync(await client.PostAsJsonAsync($"{Path(h)}/agreement", new { persoonId = resident.Person, wijze = "mondeling", versie = 4 })));
        var agreed = await OkAsync(await client.GetAsync(Path(h)));
        Assert.Equal((4, "Sanne Veiligverder", "mondeling", false), (agreed.GetProperty("akkoord").GetProperty("versie").GetInt32(),
            agreed.GetProperty("akkoord").GetProperty("naam").GetString(), agreed.GetProperty("akkoord").GetProperty("wijze").GetString(), agreed.GetProperty("akkoordVerouderd").GetBoolean()));

        // A change after the agreement is a new version the household has not agreed with yet.
        var goalId = goal.GetProperty("id").GetGuid();
        Assert.Equal(5, await VersionAsync(await client.PutAsJsonAsync($"{Path(h)}/goals/{goalId}",
            new { wat = "Sanne voelt zich thuis veilig", persoonId = resident.Person, streefdatum = InDays(90), status = "Behaald", versie = 4 })));
        var changed = await OkAsync(await client.GetAsync(Path(h)));
        Assert.Equal((5, 4, true), (changed.GetProperty("versie").GetInt32(), changed.GetProperty("akkoord").GetProperty("versie").GetInt32(), changed.GetProperty("akkoordVerouderd").GetBoolean()));
        Assert.Equal("Behaald", changed.GetProperty("doelen")[0].GetProperty("status").GetString());
        // An agreement with the version the household saw before the change is refused: they must see the new one.
        Assert.Equal((ErrorCodes.ConcurrencyConflict, ""), await ProblemAsync(await client.PostAsJsonAsync($"{Path(h)}/agreement",
            new { persoonId = resident.Person, wijze = "mondeling", versie = 4 }), HttpStatusCode.Conflict));
        // A goal reached stays reached.
        Assert.Equal((VeiligVerderRules.GoalStatusInvalidCode, "status"), await ProblemAsync(await client.PutAsJsonAsync($"{Path(h)}/goals/{goalId}",
            new { wat = "Sanne voelt zich thuis veilig", streefdatum = InDays(90), status = "Open", versie = 5 }), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task The_veilig_verder_plan_writes_nothing_on_the_shared_timeline_and_every_change_and_read_is_audited()
    {
        var resident = await Given.HouseholdWithActivePlan("Geentijdlijn", team: Given.Noord, coordinator: Given.Coordinator);
        var h = resident.Household;
        using var client = await _app.SignedInClientAsync();
        var before = await EventsAsync(h);
        Assert.Equal(1, await CreatedVersionAsync(await client.PostAsync(Path(h), null)));
        Assert.Equal(2, await CreatedVersionAsync(await client.PostAsJsonAsync($"{Path(h)}/agreements",
            new { wie = "Huishoudlid", persoonId = resident.Person, wat = "belt 112", signaal = "als er geslagen wordt", versie = 1 })));
        await OkAsync(await client.GetAsync(Path(h)));
        Assert.Equal(before, await EventsAsync(h));

        await using var scope = _app.Scope();
        var audit = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .Where(a => a.HouseholdId == h && a.Resource == AuditResources.SafetyPlan).OrderBy(a => a.Id).Select(a => new { a.Action, a.Detail }).ToListAsync();
        Assert.Equal([(AuditActions.Create, "Veilig Verder-plan gestart"),
            (AuditActions.Update, "Veilig Verder-plan versie 2: Veiligheidsafspraak toegevoegd (Test Geentijdlijn): belt 112"), (AuditActions.Read, (string?)null)],
            audit.Select(a => (a.Action, a.Detail)));
    }

    [Fact]
    public async Task Without_an_active_plan_there_is_no_veilig_verder_plan_to_start()
    {
        var resident = await Given.Resident("Zonderplan", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        Assert.Equal((PlanRules.NoActivePlanCode, ""), await ProblemAsync(await client.PostAsync(Path(resident.Household), null), HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Path(resident.Household))).StatusCode);
        Assert.Equal((VeiligVerderRules.EmptyCode, ""), await ProblemAsync(await EmptyAgreementAsync(client), HttpStatusCode.BadRequest));

        async Task<HttpResponseMessage> EmptyAgreementAsync(HttpClient c)
        {
            var planned = await Given.HouseholdWithActivePlan("Leegplan", team: Given.Noord, coordinator: Given.Coordinator);
            Assert.Equal(1, await CreatedVersionAsync(await c.PostAsync(Path(planned.Household), null)));
            return await c.PostAsJsonAsync($"{Path(planned.Household)}/agreement", new { persoonId = planned.Person, wijze = "mondeling", versie = 1 });
        }
    }

    [Fact]
    public async Task Only_care_workers_who_may_open_the_file_see_it_and_breaking_the_glass_reads_without_changing()
    {
        var (resident, client) = await PlanWithAnnexAsync("Wieziethet");
        using var _ = client;
        var h = resident.Household;
        var goal = new { wat = "Niemand slaat", streefdatum = InDays(60), versie = 4 };

        using (var lead = await _app.SignedInClientAsync("teamleider@voorbeeld.nl"))
            Assert.Equal(4, (await OkAsync(await lead.GetAsync(Path(h)))).GetProperty("versie").GetInt32());
        foreach (var email in new[] { "woningcorporatie@voorbeeld.nl", "werkeninkomen@voorbeeld.nl", "beleid@voorbeeld.nl", "privacy@voorbeeld.nl" })
        {
            using var other = await _app.SignedInClientAsync(email);
            Assert.True((await other.GetAsync(Path(h))).StatusCode == HttpStatusCode.Forbidden, email);
            Assert.True((await other.PostAsJsonAsync($"{Path(h)}/goals", goal)).StatusCode == HttpStatusCode.Forbidden, email);
        }

        var zuidEmail = await _app.CreateAccountAsync(Roles.Professional, Given.Zuid);
        using var zuid = await _app.SignedInClientAsync(zuidEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync(Path(h))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/huishoudens/{h}/plan/veilig-verder/pdf")).StatusCode);
        Assert.Equal((DomainError.NotFoundCode, ""), await ProblemAsync(await zuid.PostAsJsonAsync($"{Path(h)}/goals", goal), HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(zuid, $"/huishoudens/{h}/noodtoegang",
            new Dictionary<string, string> { ["Input.Reden"] = "Crisismelding politie zaterdagnacht, regisseur niet bereikbaar" })).StatusCode);
        Assert.Equal(4, (await OkAsync(await zuid.GetAsync(Path(h)))).GetProperty("versie").GetInt32());
        Assert.Equal((FileAccessRules.EmergencyReadOnlyCode, ""), await ProblemAsync(await zuid.PostAsJsonAsync($"{Path(h)}/goals", goal), HttpStatusCode.Forbidden));
        Assert.Equal(4, (await OkAsync(await client.GetAsync(Path(h)))).GetProperty("versie").GetInt32());
    }

    [Fact]
    public async Task The_veilig_verder_plan_prints_alone_and_on_pages_of_its_own_after_the_plan()
    {
        var (resident, client) = await PlanWithAnnexAsync("Afdrukken");
        using var _ = client;
        var h = resident.Household;

        var alone = await client.GetAsync($"/huishoudens/{h}/plan/veilig-verder/pdf");
        Assert.Equal("application/pdf", alone.Content.Headers.ContentType?.MediaType);
        var pages = PdfText.Pages(await alone.Content.ReadAsByteArrayAsync());
        Assert.Single(pages);
        Assert.Contains("Veilig Verder-plan: Huishouden Afdrukken", pages[0]);
        Assert.Contains("Sanne voelt zich thuis veilig", pages[0]);
        Assert.Contains("Wijkagent De Vries", pages[0]);
        Assert.DoesNotContain("Onze doelen", pages[0]);

        var plan = PdfText.Pages(await client.GetByteArrayAsync($"/huishoudens/{h}/plan.pdf"));
        var first = plan.Select((text, i) => (text, i)).First(p => p.text.Contains("Veilig Verder-plan: Huishouden Afdrukken", StringComparison.Ordinal)).i;
        Assert.True(first > 0, "the section starts on a page of its own after the plan");
        Assert.DoesNotContain(plan.Take(first), p => p.Contains("Sanne voelt zich thuis veilig", StringComparison.Ordinal));
        Assert.Contains("Sanne voelt zich thuis veilig", plan[first]);

        await using var scope = _app.Scope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .CountAsync(a => a.HouseholdId == h && a.Resource == AuditResources.SafetyPlan && a.Action == AuditActions.Export && a.Detail == "Veilig Verder-plan versie 4 als PDF"));
    }
}
