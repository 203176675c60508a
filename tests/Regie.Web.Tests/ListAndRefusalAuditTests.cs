using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Decisions;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>
/// What a resident's inspection request (AVG art. 15) must find: every list that showed them, one entry per resident
/// with their ids, and every refused look-up of their file, whichever route asked.
/// </summary>
public sealed class ListAndRefusalAuditTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy");

    private async Task<List<AuditEntry>> TrailSinceAsync(long after)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<long> LastAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private async Task<HttpClient> ProviderAsync(string organisation)
    {
        string key;
        await using (var scope = _app.Scope())
            key = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(organisation, Roles.Partner, TestApp.Gemeentecode, "test", default)).Value.Key;
        var client = _app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, key);
        return client;
    }

    private static async Task SendReferralAsync(HttpClient team, Guid household, Guid person, Guid goal, Guid provider, string service)
    {
        var sent = await team.PostAsJsonAsync($"/api/v1/households/{household}/referrals",
            new { persoonId = person, doelId = goal, organisatieId = provider, dienst = service, soort = "maatwerk", vraag = "Hulp thuis", toestemming = true, opvolgdatum = InDays(7) });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
    }

    [Fact]
    public async Task A_providers_referral_list_records_one_entry_per_resident_shown_with_their_ids()
    {
        var brug = await OrganisationAsync("Zorgaanbieder De Brug");
        var given = new Given(_app);
        var ella = await given.HouseholdWithPlanAndGoal("Lijstlezing", "Ella", coordinator: Given.Coordinator);
        var sam = await given.HouseholdWithPlanAndGoal("Lijstlezer", "Sam", coordinator: Given.Coordinator);
        using var team = await _app.SignedInClientAsync();
        // Two referrals for Ella: the list shows her twice, the trail names her once.
        await SendReferralAsync(team, ella.Household, ella.Person, ella.Goal, brug, "Gezinsbegeleiding");
        await SendReferralAsync(team, ella.Household, ella.Person, ella.Goal, brug, "Opvoedspreekuur");
        await SendReferralAsync(team, sam.Household, sam.Person, sam.Goal, brug, "Gezinsbegeleiding");

        List<(Guid?, Guid?)> expected;
        await using (var scope = _app.Scope())
            expected = (await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Referrals.Where(r => r.ProviderOrganisationId == brug)
                .Select(r => new { r.HouseholdId, r.PersonId }).Distinct().ToListAsync()).Select(r => ((Guid?)r.HouseholdId, (Guid?)r.PersonId)).Order().ToList();

        using var provider = await ProviderAsync("Zorgaanbieder De Brug");
        var before = await LastAsync();
        var list = await provider.GetFromJsonAsync<JsonElement[]>("/api/v1/referrals");
        var trail = await TrailSinceAsync(before);

        Assert.Equal(expected.Count, trail.Count);
        Assert.Equal(expected, trail.Select(e => (e.HouseholdId, e.PersonId)).Order().ToList());
        Assert.Contains((ella.Household, ella.Person), trail.Select(e => (e.HouseholdId!.Value, e.PersonId!.Value)));
        Assert.Contains((sam.Household, sam.Person), trail.Select(e => (e.HouseholdId!.Value, e.PersonId!.Value)));
        Assert.All(trail, e =>
        {
            Assert.Equal((AuditActions.Read, AuditResources.Referral, "Zorgaanbieder De Brug"), (e.Action, e.Resource, e.Organisation));
            Assert.Equal($"inkomende verwijzingen van Zorgaanbieder De Brug ({list!.Length})", e.Detail);
            Assert.DoesNotContain("Lijstle", e.Detail);
        });
    }

    [Fact]
    public async Task Another_teams_professional_asking_for_a_request_application_or_plan_gets_404_and_each_refusal_is_on_record()
    {
        var (household, person) = await new Given(_app).HouseholdWithActivePlan("Afgewezen", "Noor", team: Given.Noord);
        using var noord = await _app.SignedInClientAsync();
        var request = await noord.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "Inwoner", omschrijving = "Huurachterstand", personen = new[] { person } });
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        var requestId = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Guid application;
        await using (var scope = _app.Scope())
        {
            var registered = await scope.ServiceProvider.GetRequiredService<RegisterApplicationHandler>().HandleAsync(new ApplicationInput
            {
                PersoonId = person, Kader = "Wmo2015", Gevraagd = "Huishoudelijke hulp", Aanvraagdatum = DateTime.UtcNow.ToString("dd-MM-yyyy"),
            }, default);
            Assert.True(registered.IsOk, string.Join(", ", registered.Errors.Select(e => e.Code)));
            application = registered.Value;
        }

        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        var before = await LastAsync();
        string[] asked =
        [
            $"/api/v1/requests/{requestId}", $"/api/v1/applications/{application}", $"/api/v1/households/{household}/plan",
            $"/api/v1/households/{household}/timeline", $"/api/v1/households/{household}/assessments", $"/huishoudens/{household}/plan",
        ];
        foreach (var path in asked)
            Assert.Equal((path, HttpStatusCode.NotFound), (path, (await zuid.GetAsync(path)).StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/api/v1/persons/{person}")).StatusCode);

        var trail = await TrailSinceAsync(before);
        Assert.Equal(asked.Length + 1, trail.Count);
        Assert.All(trail, e => Assert.Equal((AuditActions.Denied, "Koen Verhoeven"), (e.Action, e.ActorName)));
        Assert.Equal(
            [
                (AuditResources.Household, household, (Guid?)null, "GET /api/v1/requests/{id:guid}"),
                (AuditResources.Household, household, null, "GET /api/v1/applications/{id:guid}"),
                (AuditResources.Household, household, null, "GET /api/v1/households/{id:guid}/plan"),
                (AuditResources.Household, household, null, "GET /api/v1/households/{id:guid}/timeline"),
                (AuditResources.Household, household, null, "GET /api/v1/households/{id:guid}/assessments"),
                (AuditResources.Household, household, null, "GET huishoudens/{id:guid}/plan"),
            ],
            trail.Take(asked.Length).Select(e => (e.Resource, e.HouseholdId!.Value, e.PersonId, e.Detail)));
        Assert.Equal((AuditResources.Person, (Guid?)null, (Guid?)person), (trail[^1].Resource, trail[^1].HouseholdId, trail[^1].PersonId));

        // The team that holds the file reads it: no refusal on record.
        before = await LastAsync();
        Assert.Equal(HttpStatusCode.OK, (await noord.GetAsync($"/api/v1/requests/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await noord.GetAsync($"/api/v1/households/{household}/plan")).StatusCode);
        Assert.DoesNotContain(await TrailSinceAsync(before), e => e.Action == AuditActions.Denied);
    }
}
