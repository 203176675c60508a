using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// What the evaluation of issue 24 has to find in Gemeente Voorbeeld. Two changes, with effects planted by the household
/// generator (<c>DemoHouseholdGenerator.DaysToStart</c> and <c>MarkBonus</c>), so a test can check that the evaluation recovers them:
/// <list type="bullet">
/// <item>The change of triage model six months ago (complex cases only → the team takes everything, see the triage history):
/// from then on every team starts 3 days sooner after a request. An interrupted time series for the whole municipality.</item>
/// <item>Wijkteam Zuid started light support without an indication eight months ago, Noord did not: from then on Zuid's households
/// get support within a few days of their request (a quarter of the usual 3–20 days, plus one: about 8 days sooner on average)
/// and give the help one point more. Recorded as a change of working practice, so the evaluation compares Zuid with the
/// other teams (difference in differences).</item>
/// </list>
/// </summary>
public sealed class DemoEvaluations(RegieDbContext db, string gemeentecode, TimeProvider clock)
{
    public const int TriageChangeMonthsAgo = 6;
    public const int LightSupportMonthsAgo = 8;
    public const string LightSupportTitle = "Lichte ondersteuning zonder indicatie";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Werkwijzewijzigingen.AnyAsync(ct)) return;
        var zuid = await db.Teams.Where(t => t.Name == "Wijkteam Zuid").Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (zuid is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Werkwijzewijzigingen.Add(new Werkwijzewijziging
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Date = DateOnly.FromDateTime(now).AddMonths(-LightSupportMonthsAgo), Title = LightSupportTitle,
            Description = "Wijkteam Zuid biedt lichte ondersteuning (budgetcoaching, een maatje, hulp bij de administratie) zonder indicatie, binnen een paar dagen na de hulpvraag. Wijkteam Noord werkt zoals het werkte.",
            TeamIds = zuid.Value.ToString(), RecordedBy = "Thomas Bos", RecordedAt = now.AddMonths(-LightSupportMonthsAgo),
        });
        await db.SaveChangesAsync(ct);
    }
}
