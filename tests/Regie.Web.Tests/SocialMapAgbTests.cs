using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Providers;
using Regie.Web.Features.SocialMap;
using Regie.Web.Infrastructure;
using System.Text;
using System.Text.Json.Nodes;

namespace Regie.Web.Tests;

public sealed class SocialMapAgbFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public async Task InitializeAsync() =>
        App = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["SocialMap:HsdsSchemaDirectory"] = HsdsStandard.Schemas });
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Issue 23 point 1: the provider's AGB code travels with the social map as an HSDS organization_identifier, out and back in.</summary>
public sealed class SocialMapAgbTests(SocialMapAgbFixture fixture) : IClassFixture<SocialMapAgbFixture>
{
    private readonly TestApp _app = fixture.App;

    private AsyncServiceScope AsAdmin()
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheer", "Functioneel Beheer", Roles.Beheerder);
        return scope;
    }

    private static JsonObject Map(Guid organization, string name, string agb) => new()
    {
        ["organizations.csv"] = new JsonArray(new JsonObject
        {
            ["id"] = organization.ToString("D"), ["name"] = name, ["description"] = "Thuiszorg in de wijk.",
        }),
        ["organization_identifiers.csv"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("D"), ["organization_id"] = organization.ToString("D"), ["identifier_type"] = "AGB", ["identifier"] = agb,
        }),
    };

    private async Task<ImportReport> ImportAsync(JsonObject map)
    {
        await using var scope = AsAdmin();
        return await scope.ServiceProvider.GetRequiredService<SocialMapExchange>()
            .ImportFileAsync("aanbieders.json", new MemoryStream(Encoding.UTF8.GetBytes(map.ToJsonString())), default);
    }

    private async Task<Organisation> OrganisationAsync(string name, string? agb = null)
    {
        await using var scope = AsAdmin();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var organisation = new Organisation { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Name = name, Kind = OrganisationKinds.Partner, AgbCode = agb };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    private async Task<string?> AgbOfAsync(Guid organisation)
    {
        await using var scope = AsAdmin();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Organisations.Where(o => o.Id == organisation).Select(o => o.AgbCode).SingleAsync();
    }

    [Fact]
    public async Task An_import_reads_the_AGB_code_onto_the_linked_provider_and_the_export_carries_it_valid_against_the_schemas()
    {
        var provider = await OrganisationAsync("Thuiszorg Kaart Agb");
        var organization = Guid.NewGuid();

        var invalid = await ImportAsync(Map(organization, "Thuiszorg Kaart Agb", "0012345"));
        Assert.False(invalid.Ok);
        var error = Assert.Single(invalid.Errors);
        Assert.Equal(AgbCode.InvalidCode, error.Code);
        Assert.Contains("identifier 0012345 is geen geldige AGB-code", error.Message, StringComparison.Ordinal);
        Assert.Null(await AgbOfAsync(provider.Id));

        var imported = await ImportAsync(Map(organization, "Thuiszorg Kaart Agb", "98 50 00 01"));
        Assert.True(imported.Ok, string.Join("; ", imported.Issues));
        Assert.Equal("98500001", await AgbOfAsync(provider.Id));

        // The admin changes the code in Regie: the export says what Regie says, as the one AGB identifier of the organization.
        await using (var scope = AsAdmin())
            Assert.True((await scope.ServiceProvider.GetRequiredService<SetAgbCodeHandler>().HandleAsync(provider.Id, new AgbCodeInput { AgbCode = "98500002" }, default)).IsOk);
        await using (var scope = AsAdmin())
        {
            var exchange = scope.ServiceProvider.GetRequiredService<SocialMapExchange>();
            var tabular = await exchange.ExportTabularAsync(default);
            var identifiers = tabular["organization_identifiers.csv"]!.AsArray().Where(r => (string?)r!["organization_id"] == organization.ToString("D")).ToList();
            var identifier = Assert.Single(identifiers)!;
            Assert.Equal(("AGB", "98500002"), ((string?)identifier["identifier_type"], (string?)identifier["identifier"]));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<HsdsSchemaCheck>().CheckTabularAsync(tabular, "export"));
            Assert.Empty(await exchange.CheckExportAsync(default) ?? throw new InvalidOperationException("schemas not available"));
            var full = HsdsJson.Full(await scope.ServiceProvider.GetRequiredService<HsdsStore>().LoadAsync(default), HsdsCatalog.Organization, organization);
            Assert.Equal("98500002", (string?)full["organization_identifiers"]![0]!["identifier"]);
        }

        // A code another organisation holds refuses the file, and nothing of it is saved.
        await OrganisationAsync("Thuiszorg Kaart Andere", agb: "98500003");
        var taken = await ImportAsync(Map(organization, "Thuiszorg Kaart Agb", "98500003"));
        Assert.Equal(ContractRules.AgbTakenCode, Assert.Single(taken.Errors).Code);
        Assert.Equal("98500002", await AgbOfAsync(provider.Id));

        // Cleared in Regie: the export no longer names an AGB code for it.
        await using (var scope = AsAdmin())
            Assert.True((await scope.ServiceProvider.GetRequiredService<SetAgbCodeHandler>().HandleAsync(provider.Id, new AgbCodeInput(), default)).IsOk);
        await using (var scope = AsAdmin())
        {
            var tabular = await scope.ServiceProvider.GetRequiredService<SocialMapExchange>().ExportTabularAsync(default);
            Assert.DoesNotContain(tabular["organization_identifiers.csv"]?.AsArray() ?? new JsonArray(), r => (string?)r!["organization_id"] == organization.ToString("D"));
        }
    }
}
