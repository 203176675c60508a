using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Assessment;
using Regie.Web.Features.Assessments;
using System.Net;
using System.Net.Http.Json;

namespace Regie.Web.Tests;

public sealed class ZrmAssessmentTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    /// <summary>A mother with her child, held by the signed-in professional's team (Noord).</summary>
    private Given Given { get; } = new(fixture.App);

    [Fact]
    public async Task Professional_records_a_zrm_assessment_and_sees_the_household_summary()
    {
        var (household, mother, child) = await Given.Family("Meetbaar", team: Given.Noord, parent: "Moeder", child: "Kind", childBorn: "01-01-2015");
        using var client = await _app.SignedInClientAsync();
        var first = await client.PostAsJsonAsync($"/api/v1/households/{household}/assessments",
            new { personId = mother, datum = DateTime.UtcNow.AddDays(-10).ToString("dd-MM-yyyy"), scores = new Dictionary<string, string> { ["Financien"] = "1", ["Huisvesting"] = "2" } });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/households/{household}/assessments",
            new { personId = mother, scores = new Dictionary<string, string> { ["Financien"] = "3", ["Huisvesting"] = "4" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/households/{household}/assessments",
            new { personId = child, scores = new Dictionary<string, string> { ["Huisvesting"] = "3" } })).StatusCode);

        await using var scope = _app.Scope();
        var overview = (await scope.ServiceProvider.GetRequiredService<ZrmQueries>().OverviewAsync(household, default))!;
        Assert.Equal(3, overview.Assessments.Count);
        var financien = overview.Summary.Single(s => s.Domain == ZrmDomain.Financien);
        Assert.Equal((3, 1, 2), (financien.Lowest, financien.LowestAtFirst, financien.Change));
        Assert.Equal(3, overview.Summary.Single(s => s.Domain == ZrmDomain.Huisvesting).Lowest);

        var raw = await client.GetAsync($"/huishoudens/{household}/zrm");
        Assert.True(raw.StatusCode == HttpStatusCode.OK, $"{raw.StatusCode} {raw.Headers.Location}");
        var page = WebUtility.HtmlDecode(await raw.Content.ReadAsStringAsync());
        Assert.Contains("beperkt zelfredzaam", page);
        Assert.Contains("+2", page);
        // The same summary as data for the chart: first and latest lowest score per assessed domain.
        Assert.Contains("data-chart=\"{\"kind\":\"zrm\",\"labels\":[\"Financi\\u00EBn\",\"Huisvesting\"],\"first\":[1,2],\"latest\":[3,3]}\"", page);
        var timeline = WebUtility.HtmlDecode(await client.GetStringAsync($"/huishoudens/{household}"));
        Assert.Contains("ZRM-meting van Moeder Meetbaar: 2 leefgebieden, laagste score 3 (Financiën)", timeline);
    }

    [Fact]
    public async Task Bad_assessments_are_refused_and_nothing_is_saved()
    {
        var (household, mother, _) = await Given.Family("Ongeldig", team: Given.Noord, parent: "Moeder", child: "Kind", childBorn: "01-01-2015");
        await using var scope = _app.Scope();
        var handler = scope.ServiceProvider.GetRequiredService<RecordZrmAssessmentHandler>();
        async Task<string> Code(ZrmInput input) => (await handler.HandleAsync(household, input, default)).Errors[0].Code;

        Assert.Equal(Zrm.ScoreInvalidCode, await Code(new ZrmInput { PersonId = mother, Scores = new() { [ZrmDomain.Justitie] = "7" } }));
        Assert.Equal(Zrm.ScoreInvalidCode, await Code(new ZrmInput { PersonId = mother, Scores = new() { [ZrmDomain.Justitie] = "veel" } }));
        Assert.Equal(Zrm.NothingAssessedCode, await Code(new ZrmInput { PersonId = mother }));
        Assert.Equal(Zrm.DateTooOldCode, await Code(new ZrmInput { PersonId = mother, Datum = "01-01-2020", Scores = new() { [ZrmDomain.Justitie] = "3" } }));
        Assert.Equal("person-not-member", await Code(new ZrmInput { PersonId = Guid.NewGuid(), Scores = new() { [ZrmDomain.Justitie] = "3" } }));
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<ZrmQueries>().OverviewAsync(household, default))!.Assessments);

        using var client = await _app.SignedInClientAsync();
        var token = await TestApp.AntiforgeryTokenAsync(client, $"/huishoudens/{household}/zrm");
        var form = await client.PostAsync($"/huishoudens/{household}/zrm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.PersonId"] = mother.ToString(), ["Input.Scores[Financien]"] = "9", ["__RequestVerificationToken"] = token,
        }));
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        Assert.Contains("Financiën: kies een score van 1 tot en met 5", html);
        Assert.Contains("id=\"Input_Scores_Financien_-error\"", html);
    }
}
