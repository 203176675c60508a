using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>A provider with an AGB code gets assignments only for what its contract holds: tests that decide for one give it the line first.</summary>
public static class ContractGiven
{
    public static async Task CoversAsync(TestApp app, Guid organisation, LegalFramework framework, string category)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        if (await db.ProviderContracts.AnyAsync(c => c.OrganisationId == organisation && c.Framework == framework && c.Category == category && c.ProductCode == null)) return;
        db.ProviderContracts.Add(new ProviderContract
        {
            Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, OrganisationId = organisation, Framework = framework, Category = category,
            CreatedBy = "test", CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
