using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure.Demo;
using System.Net;

namespace Regie.Web.Tests;

/// <summary>Issue 24's review: exports of scenarios and evaluations are on the audit trail, and a form saved twice is one scenario.</summary>
public sealed partial class ScenarioTests
{
    private async Task<List<AuditEntry>> AuditAsync(string resource)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.Where(a => a.Resource == resource).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Each_export_of_a_scenario_or_an_evaluation_leaves_one_audit_entry_naming_what_was_exported()
    {
        var cpb = await DemoScenarioAsync(DemoScenarios.CpbName);
        using var client = await _app.SignedInClientAsync(Beleid);

        foreach (var format in new[] { "Pdf", "Csv", "Xlsx" })
        {
            var before = (await AuditAsync(AuditResources.Scenario)).Count;
            var response = await client.GetAsync($"/monitor/scenarios/{cpb.Id}?handler={format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var added = (await AuditAsync(AuditResources.Scenario)).Skip(before).ToList();
            var entry = Assert.Single(added);
            Assert.Equal((AuditActions.Export, (Guid?)null, (Guid?)null), (entry.Action, entry.HouseholdId, entry.PersonId));
            Assert.StartsWith($"scenario {cpb.Id} als {format.ToLowerInvariant()}: {DemoScenarios.CpbName}, stand van ", entry.Detail);
        }

        foreach (var format in new[] { "Pdf", "Csv", "Xlsx" })
        {
            var before = (await AuditAsync(AuditResources.Evaluation)).Count;
            var response = await client.GetAsync($"/monitor/evaluatie?handler={format}&horizon=12&voor=12&na=12");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual("text/html", response.Content.Headers.ContentType!.MediaType);
            var entry = Assert.Single((await AuditAsync(AuditResources.Evaluation)).Skip(before));
            Assert.Equal((AuditActions.Export, (Guid?)null, (Guid?)null), (entry.Action, entry.HouseholdId, entry.PersonId));
            Assert.StartsWith($"evaluatie als {format.ToLowerInvariant()}: wijziging ", entry.Detail);
            Assert.Contains("horizon 12 maanden, 12 maanden voor en 12 na", entry.Detail);
        }
    }

    [Fact]
    public async Task Each_export_of_the_monitor_leaves_one_audit_entry_naming_its_period_and_filters()
    {
        using var client = await _app.SignedInClientAsync(Beleid);
        foreach (var format in new[] { "Pdf", "Csv", "Xlsx" })
        {
            var before = (await AuditAsync(AuditResources.Monitor)).Count;
            var response = await client.GetAsync($"/monitor?handler={format}&van=2026-03-05&tot=2026-04-17&wijk=Zuid");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var entry = Assert.Single((await AuditAsync(AuditResources.Monitor)).Skip(before));
            Assert.Equal((AuditActions.Export, (Guid?)null, (Guid?)null), (entry.Action, entry.HouseholdId, entry.PersonId));
            Assert.Equal($"monitor als {format.ToLowerInvariant()}: periode 01-03-2026 t/m 30-04-2026, team alle, wijk Zuid, werkwijze alle", entry.Detail);
        }
    }

    [Fact]
    public async Task Saving_the_same_cockpit_form_twice_saves_one_scenario()
    {
        using var client = await _app.SignedInClientAsync(Beleid);
        var fields = Set(await CockpitAsync(client), "Input.Naam", "Dubbel geklikt");
        Assert.True(Guid.TryParse(fields.Single(f => f.Key == "Input.Formulier").Value, out _));
        var before = await ScenarioCountAsync();

        var first = await client.PostAsync("/monitor/scenarios/nieuw?handler=Save", new FormUrlEncodedContent(fields));
        var second = await client.PostAsync("/monitor/scenarios/nieuw?handler=Save", new FormUrlEncodedContent(fields));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, await ScenarioCountAsync());
        var id = first.Headers.Location!.OriginalString.Split('/').Last();
        Assert.Single(await AuditAsync(AuditResources.Scenario), a => a.Action == AuditActions.Create && a.Detail!.Contains(id));

        // A new cockpit is a new form: it saves a scenario of its own.
        var other = await client.PostAsync("/monitor/scenarios/nieuw?handler=Save", new FormUrlEncodedContent(Set(await CockpitAsync(client), "Input.Naam", "Dubbel geklikt")));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);
        Assert.Equal(before + 2, await ScenarioCountAsync());

        // Back in the browser, the first form changed and saved again: another scenario, saved as such.
        var changed = await client.PostAsync("/monitor/scenarios/nieuw?handler=Save", new FormUrlEncodedContent(Set(fields, "Input.Naam", "Variant B")));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.NotEqual(first.Headers.Location, changed.Headers.Location);
        Assert.Equal(before + 3, await ScenarioCountAsync());
    }
}
