using Microsoft.EntityFrameworkCore;
using Regie.Domain.Models;
using Regie.Web.Data;
using Regie.Web.Features.Scenarios;
using Regie.Web.Features.Team;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// Gemeente Voorbeeld's two saved scenarios for the council (issue 24): today's way of working (the team takes everything) and
/// CPB's suggestion (the team only for complex cases, beside a Wmo desk) next to it, both from the demo's own data with a fixed seed.
/// </summary>
public sealed class DemoScenarios(RegieDbContext db, CurrentUser current, TimeProvider clock, string gemeentecode)
{
    public const int Seed = 2024;
    public const int Runs = 10_000;
    public const string TodayName = "Werkwijze nu: het wijkteam neemt alles";
    public const string CpbName = "CPB-voorstel: het wijkteam alleen voor complexe vragen";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Scenarios.AnyAsync(ct)) return;
        var estimate = await new ScenarioQueries(db, new WaitingTimesQuery(db, current, clock), clock).EstimateAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        void Add(string name, string description, IReadOnlyList<ScenarioModel> models) =>
            db.Scenarios.Add(SaveScenarioHandler.Create(gemeentecode, name, description,
                new ScenarioRun(estimate.Parameters, models, Seed, Runs, estimate.StandVan, ScenarioQueries.Compute(estimate.Parameters, models, Seed, Runs)),
                "demo", "Thomas Bos", now));
        Add(TodayName, "De werkwijze sinds de laatste wijziging van de triage: elke hulpvraag gaat naar het wijkteam.", [ScenarioModel.TeamVoorAlles]);
        Add(CpbName, "Het voorstel uit CPB 2019: enkelvoudige vragen naar het Wmo-loket of een algemene voorziening, het team voor meervoudige en acute vragen;"
            + " naast de werkwijze van nu, met de gevoeligheid van het verschil in kosten.", [ScenarioModel.TeamVoorAlles, ScenarioModel.TeamVoorComplex]);
        await db.SaveChangesAsync(ct);
    }
}
