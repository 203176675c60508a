using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using Regie.Web.Features.Toewijzingen;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// The demo's decisions travel (issue 23): each granted Wmo and Jeugdwet product with a provider becomes an assignment with its
/// 301, through the same outbox a decision uses, so a newcomer finds the messages on the exchange page and on the application.
/// </summary>
public sealed class DemoIStandaarden(RegieDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Toewijzingen.AnyAsync(ct)) return;
        var decisions = await db.Decisions.Include(d => d.Products)
            .Where(d => d.Outcome != DecisionOutcome.Afgewezen && (d.Framework == LegalFramework.Wmo2015 || d.Framework == LegalFramework.Jeugdwet))
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).ToListAsync(ct);
        var outbox = new AssignmentOutbox(db, clock);
        foreach (var decision in decisions) await outbox.AssignAsync(decision, ct);
        await db.SaveChangesAsync(ct);
    }
}
