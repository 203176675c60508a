using Microsoft.EntityFrameworkCore;
using Regie.Domain.Monitor;
using Regie.Web.Data;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// What Gemeente Voorbeeld's teams cost beyond the budget: their staff at full cost (Zuid with staff
/// seconded by a provider), the city hall's overhead and hired advice, over last year and this one.
/// </summary>
public sealed class DemoMonitor(RegieDbContext db, string gemeentecode, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.MonitorCostEntries.AnyAsync(ct)) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = new DateOnly(today.Year - 1, 1, 1);
        var to = new DateOnly(today.Year, 12, 31);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        void Add(CostKind kind, string? team, StaffPayer? payer, string description, decimal? fte, decimal? perFte, decimal? amount) =>
            db.MonitorCostEntries.Add(new MonitorCostEntry
            {
                Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Kind = kind, TeamId = team is null ? null : teams.GetValueOrDefault(team), Payer = payer,
                Description = description, Fte = fte, CostPerFte = perFte, Amount = amount, From = from, To = to, RecordedBy = "Thomas Bos", RecordedAt = now,
            });
        Add(CostKind.Personeel, "Wijkteam Noord", StaffPayer.EigenOrganisatie, "8 fte sociaal werk, Stichting Sociaal Werk Voorbeeld (subsidie)", 8m, 70_000m, null);
        Add(CostKind.Personeel, "Wijkteam Centrum", StaffPayer.Gemeente, "7 fte in dienst van de gemeente", 7m, 72_000m, null);
        Add(CostKind.Personeel, "Wijkteam Zuid", StaffPayer.Gemeente, "4 fte in dienst van de gemeente", 4m, 72_000m, null);
        Add(CostKind.Personeel, "Wijkteam Zuid", StaffPayer.Aanbieder, "3 fte gedetacheerd door Zorgaanbieder De Brug (subsidie)", 3m, 68_000m, null);
        Add(CostKind.Personeel, "Wijkteam Oost", StaffPayer.EigenOrganisatie, "6 fte sociaal werk, Stichting Sociaal Werk Voorbeeld (subsidie)", 6m, 70_000m, null);
        Add(CostKind.Overhead, null, null, "Aansturing, beleid, inkoop en ICT voor de wijkteams", null, null, 640_000m);
        Add(CostKind.Advies, null, null, "Ingehuurde kwartiermaker en programmamanager", null, null, 180_000m);
        await db.SaveChangesAsync(ct);
    }
}
