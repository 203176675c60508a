using Microsoft.EntityFrameworkCore;
using Regie.Domain.IStandaarden;
using Regie.Web.Infrastructure.Demo;

namespace Regie.Web.Tests;

/// <summary>Issue 23 point 1 from the admin CLI: a provider's AGB code and contract lines; and the demo's providers that decisions name carry both.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProviderCliTests
{
    private static string[] DatabaseArgs(TestDatabase db) =>
        [$"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    [Fact]
    public async Task Admin_sets_the_AGB_code_and_contract_lines_from_the_command_line_and_the_demo_decisions_stay_within_their_contracts()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["seed-demo", "--households", "10", .. DatabaseArgs(db)])).Exit);

        // The demo: every decided Wmo/Jeugdwet product for a provider with an AGB code is within that provider's contract.
        await using (var ctx = TestContexts.Create(db))
        {
            var agb = await ctx.Organisations.Where(o => o.AgbCode != null).ToDictionaryAsync(o => o.Name, o => o.AgbCode);
            Assert.Equal(DemoProviders.Providers.ToDictionary(p => p.Name, p => (string?)p.AgbCode), agb);
            var products = await ctx.DecisionProducts.Where(p => p.ProviderOrganisationId != null && p.Category != null)
                .Join(ctx.Decisions, p => p.DecisionId, d => d.Id, (p, d) => new { p.ProviderOrganisationId, p.Category, d.ApplicationId })
                .Join(ctx.ProvisionApplications, x => x.ApplicationId, a => a.Id, (x, a) => new { x.ProviderOrganisationId, x.Category, a.Framework }).ToListAsync();
            var contracts = await ctx.ProviderContracts.Select(c => new { c.OrganisationId, c.Framework, c.Category }).ToListAsync();
            Assert.Equal(3, products.Count);
            Assert.All(products, p => Assert.Contains(contracts, c => c.OrganisationId == p.ProviderOrganisationId && c.Framework == p.Framework && c.Category == p.Category));
        }

        var (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "agb", "Zorgaanbieder De Brug", "98000033", .. DatabaseArgs(db)]);
        Assert.Equal(2, exit);
        Assert.Contains($"AGB-code 98000033 hoort al bij Jeugdhulp Op Koers. ({ContractRules.AgbTakenCode})", output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "agb", "Zorgaanbieder De Brug", "1234", .. DatabaseArgs(db)]);
        Assert.Equal(2, exit);
        Assert.Contains(AgbCode.InvalidCode, output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "agb", "Zorgaanbieder De Brug", "geen", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("Zorgaanbieder De Brug heeft geen AGB-code meer.", output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "agb", "Zorgaanbieder De Brug", "98765432", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("Zorgaanbieder De Brug heeft AGB-code 98765432.", output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "agb", "Bestaat Niet", "98765431", .. DatabaseArgs(db)]);
        Assert.Equal(2, exit);
        Assert.Contains("Geen aanbieder met de naam Bestaat Niet", output, StringComparison.Ordinal);

        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "contract", "Zorgaanbieder De Brug", "--kader", "wmo", "--categorie", "13", "--productcode", "13a01", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("Zorgaanbieder De Brug heeft een contract voor Wmo 2015 13 Woonvoorzieningen, productcode 13A01.", output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "contract", "Zorgaanbieder De Brug", "--kader", "wmo", "--categorie", "13", "--productcode", "13A01", .. DatabaseArgs(db)]);
        Assert.Equal(2, exit);
        Assert.Contains(ContractRules.DuplicateCode, output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "contract", "Zorgaanbieder De Brug", "--kader", "wmo", "--categorie", "45", .. DatabaseArgs(db)]);
        Assert.Equal(2, exit);
        Assert.Contains(ContractRules.CategoryInvalidCode, output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "contract", "Zorgaanbieder De Brug", "--kader", "wgs", "--categorie", "01", .. DatabaseArgs(db)]);
        Assert.Equal(2, exit);
        Assert.Contains(ContractRules.FrameworkInvalidCode, output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "contract", "Zorgaanbieder De Brug", "--kader", "wmo", "--categorie", "13", "--productcode", "13A01", "--verwijder", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("Het contract van Zorgaanbieder De Brug voor Wmo 2015 13 Woonvoorzieningen, productcode 13A01 is verwijderd.", output, StringComparison.Ordinal);
        (exit, output) = await ConsoleCollection.RunAsync(["aanbieder", "contract", "Zorgaanbieder De Brug", "--kader", "wmo", "--categorie", "13", "--productcode", "13A01", "--verwijder", .. DatabaseArgs(db)]);
        Assert.Equal(2, exit);
        Assert.Contains("Zorgaanbieder De Brug heeft geen contract voor Wmo 2015 13 Woonvoorzieningen, productcode 13A01.", output, StringComparison.Ordinal);

        await using (var ctx = TestContexts.Create(db))
        {
            Assert.Equal("98765432", await ctx.Organisations.Where(o => o.Name == "Zorgaanbieder De Brug").Select(o => o.AgbCode).SingleAsync());
            Assert.False(await ctx.ProviderContracts.AnyAsync(c => c.ProductCode == "13A01"));
            Assert.Equal(4, await ctx.AuditEntries.CountAsync(a => a.ActorId == "cli" && a.Resource == Regie.Web.Features.Audit.AuditResources.Organisation
                && (a.Detail!.StartsWith("AGB-code van Zorgaanbieder De Brug") || a.Detail.StartsWith("contract van Zorgaanbieder De Brug"))));
        }
    }
}
