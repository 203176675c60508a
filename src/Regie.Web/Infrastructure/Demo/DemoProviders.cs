using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Web.Data;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// The demo's care providers that decisions name take part in the iWmo/iJw exchange: each has an AGB code and contract lines for the
/// categories the demo's decisions (and a desk worker trying the demo) use. The AGB codes are fictitious: they start with 98, and no
/// provider in the AGB register holds them.
/// </summary>
public sealed class DemoProviders(RegieDbContext db, string gemeentecode, TimeProvider clock)
{
    /// <summary>Provider, fictitious AGB code, and its contract lines (framework, WMO020/JZ020 category).</summary>
    public static readonly IReadOnlyList<(string Name, string AgbCode, (LegalFramework Framework, string Category)[] Contracts)> Providers =
    [
        ("Thuiszorg De Zorgzame Hand", "98000011", [(LegalFramework.Wmo2015, "01"), (LegalFramework.Wmo2015, "02"), (LegalFramework.Wmo2015, "03")]),
        ("Zorgaanbieder De Brug", "98000022",
            [(LegalFramework.Wmo2015, "01"), (LegalFramework.Wmo2015, "02"), (LegalFramework.Wmo2015, "06"), (LegalFramework.Wmo2015, "07"),
             (LegalFramework.Jeugdwet, "34"), (LegalFramework.Jeugdwet, "45")]),
        ("Jeugdhulp Op Koers", "98000033", [(LegalFramework.Jeugdwet, "43"), (LegalFramework.Jeugdwet, "44"), (LegalFramework.Jeugdwet, "45")]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.ProviderContracts.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (name, agb, contracts) in Providers)
        {
            var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name && o.Kind == OrganisationKinds.Partner, ct);
            if (organisation is null || await db.Organisations.AnyAsync(o => o.AgbCode == agb, ct)) continue;
            organisation.AgbCode = agb;
            foreach (var (framework, category) in contracts)
                db.ProviderContracts.Add(new ProviderContract
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, OrganisationId = organisation.Id, Framework = framework, Category = category,
                    CreatedBy = "Demo-installatie", CreatedAt = now,
                });
        }
        await db.SaveChangesAsync(ct);
    }
}
