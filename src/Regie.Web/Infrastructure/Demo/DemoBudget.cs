using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Budget;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// The integral budget in the demo: every team's budget for this year (with earmarks for youth care and
/// the Wmo), a move from Oost to Noord, the default tariff table, and spends in every state — small ones
/// within mandate, one refused, one approved by the municipality, payments — and, in the seed-003 story,
/// the rent arrears of the De Wit household with its saved comparison, waiting for the team lead.
/// </summary>
public sealed class DemoBudget(RegieDbContext db, TimeProvider clock, string gemeentecode)
{
    private DateTime _now;
    private DateOnly _today;
    private readonly Dictionary<Guid, TeamBudget> _budgets = [];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.TeamBudgets.AnyAsync(ct)) return;
        _now = clock.GetUtcNow().UtcDateTime;
        _today = DateOnly.FromDateTime(_now);
        var year = _today.Year;
        var newYear = new DateOnly(year, 1, 1);
        var teams = await db.Teams.OrderBy(t => t.Name).ToDictionaryAsync(t => t.Name, ct);
        var people = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName), ct);
        var system = ("systeem", "Demo-installatie");
        var municipality = people.GetValueOrDefault("beleid@voorbeeld.nl", system);

        var tariffs = Tariffs.Defaults.Select(d => new Tariff
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Code = d.Code, Name = d.Name, Unit = d.Unit, Amount = d.Amount, Source = d.Source,
            ValidFrom = At(newYear), ChangedBy = "Standaardwaarden",
        }).ToDictionary(t => t.Code);
        db.Tariffs.AddRange(tariffs.Values);

        foreach (var team in teams.Values)
        {
            var budget = new TeamBudget { Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, TeamId = team.Id, Year = year, CreatedAt = At(newYear), Version = 1 };
            _budgets[team.Id] = budget;
            db.TeamBudgets.Add(budget);
            Entry(budget, EntryKind.Toekenning, 250_000m, null, $"Begroting {year}: integraal budget (raadsbesluit)", newYear, municipality);
            Entry(budget, EntryKind.Toekenning, 100_000m, LegalFramework.Jeugdwet, $"Begroting {year}: oormerk jeugdhulp", newYear, municipality);
            Entry(budget, EntryKind.Toekenning, 60_000m, LegalFramework.Wmo2015, $"Begroting {year}: oormerk Wmo-ondersteuning", newYear, municipality);
        }
        if (teams.TryGetValue("Wijkteam Oost", out var oost) && teams.TryGetValue("Wijkteam Noord", out var noord))
        {
            var moved = Day(60);
            var from = _budgets[oost.Id];
            var to = _budgets[noord.Id];
            Entry(from, EntryKind.Overboeking, -20_000m, null, "Naar Wijkteam Noord: meer aanmeldingen in Noord na de sluiting van het buurthuis", moved, municipality, noord.Id);
            Entry(to, EntryKind.Overboeking, 20_000m, null, "Van Wijkteam Oost: meer aanmeldingen in Noord na de sluiting van het buurthuis", moved, municipality, oost.Id);
        }
        db.SpendMandates.Add(new SpendMandate
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Role = Roles.Professional, Limit = Mandates.ProfessionalDefault, ValidFrom = At(newYear), ChangedBy = municipality.Item2,
        });
        db.SpendMandates.Add(new SpendMandate
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Role = Roles.Teamleider, Limit = Mandates.TeamleaderDefault, ValidFrom = At(newYear), ChangedBy = municipality.Item2,
        });

        // Goals of active plans, per team: spends belong to a goal.
        var goals = await (from g in db.PlanGoals
                           join p in db.Plans.Where(Plan.Active) on g.PlanId equals p.Id
                           join h in db.Households on g.HouseholdId equals h.Id
                           where h.ResponsibleTeamId != null
                           orderby h.Naam, g.Position
                           select new { g.Id, g.HouseholdId, g.Domain, g.PersonId, Team = h.ResponsibleTeamId!.Value, h.Naam }).ToListAsync(ct);
        var households = await db.Households.Where(h => goals.Select(g => g.HouseholdId).Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var used = new HashSet<Guid>();
        (Household, Guid, ZrmDomain, Guid)? Goal(string team, params ZrmDomain[] domains)
        {
            if (!teams.TryGetValue(team, out var t)) return null;
            var g = goals.FirstOrDefault(x => x.Team == t.Id && domains.Contains(x.Domain) && !used.Contains(x.HouseholdId) && x.Naam != "Huishouden de Wit")
                ?? goals.FirstOrDefault(x => x.Team == t.Id && !used.Contains(x.HouseholdId) && x.Naam != "Huishouden de Wit");
            if (g is null) return null;
            used.Add(g.HouseholdId);
            return (households[g.HouseholdId], g.Id, g.Domain, t.Id);
        }

        var fatima = people.GetValueOrDefault("regisseur@voorbeeld.nl", system);
        var koen = people.GetValueOrDefault("regisseur.zuid@voorbeeld.nl", system);
        var marloes = people.GetValueOrDefault("teamleider@voorbeeld.nl", system);
        var colleague = ("demo-collega", "Jeroen Kok");

        // Seed 003: the rent arrears, compared with eviction and crisis places for the two children, above the coordinator's mandate.
        var story = goals.FirstOrDefault(g => g.Naam == "Huishouden de Wit" && g.Domain == ZrmDomain.Financien) ?? goals.FirstOrDefault(g => g.Naam == "Huishouden de Wit");
        if (story is not null)
        {
            var comparison = new CostComparison("Huisuitzetting en crisisplaatsing van Noah en Lieke voor drie maanden",
            [
                Line(tariffs["huisuitzetting"], 1m), Line(tariffs["crisisplaatsing-jeugd"], 6m),
            ]);
            Spend((households[story.HouseholdId], story.Id, story.Domain, story.Team), InterventionKind.Huurachterstand, "Huurachterstand betalen aan Woningcorporatie Thuis", 1800m,
                "Sanne en de kinderen dreigen uit huis gezet te worden om € 1.800 huurachterstand. Betalen voorkomt de uitzetting en crisisplaatsing van de kinderen; "
                + "de corporatie stemt in met een betalingsregeling voor de huur vanaf nu.",
                [LegalFramework.Participatiewet, LegalFramework.Wgs], Day(2), fatima, ApprovalLevel.Teamleider, comparison);
        }

        if (Goal("Wijkteam Noord", ZrmDomain.WerkOpleiding, ZrmDomain.MaatschappelijkeParticipatie) is { } bike)
        {
            var s = Spend(bike, InterventionKind.Vervoer, "Fiets om het werk te bereiken", 249m, "Nieuwe baan op 9 km; geen ov op de vroege dienst.",
                [LegalFramework.Participatiewet], Day(40), fatima, ApprovalLevel.Mandaat);
            Approve(s, Day(40), fatima, "Binnen het eigen mandaat");
            Pay(s, 249m, Day(38), "Fietsenmaker De Spaak", fatima);
        }
        if (Goal("Wijkteam Noord", ZrmDomain.HuiselijkeRelaties, ZrmDomain.Tijdsbesteding) is { } care)
        {
            var s = Spend(care, InterventionKind.Kinderopvang, "Kinderopvang twee middagen per week, drie maanden", 385.50m, "Moeder begint met een re-integratietraject; de opvang overbrugt tot de kinderopvangtoeslag loopt.",
                [LegalFramework.Participatiewet], Day(12), fatima, ApprovalLevel.Mandaat);
            Approve(s, Day(12), fatima, "Binnen het eigen mandaat");
        }
        if (Goal("Wijkteam Noord", ZrmDomain.Huisvesting, ZrmDomain.InstrumenteleAdl) is { } furniture)
        {
            var s = Spend(furniture, InterventionKind.Inrichting, "Bed en kast voor de kinderkamer", 950m, "Na de verhuizing slapen de kinderen op matrassen.",
                [LegalFramework.Wmo2015], Day(20), fatima, ApprovalLevel.Teamleider);
            Refuse(s, Day(19), marloes, "Eerst Stichting Leergeld en de kringloop vragen; lukt dat niet, dan opnieuw aanvragen.");
        }
        if (Goal("Wijkteam Noord", ZrmDomain.Financien) is { } debt)
        {
            var comparison = new CostComparison("Schuldhulptraject en dreigende huisuitzetting", [Line(tariffs["schuldhulp-traject"], 1m), Line(tariffs["huisuitzetting"], 1m)]);
            var s = Spend(debt, InterventionKind.Schuldregeling, "Saneringskrediet: schulden in één keer afgelost", 3250m,
                "Alle schuldeisers stemmen in met 40% finale kwijting; het huishouden lost de gemeente af in 36 maanden.",
                [LegalFramework.Wgs], Day(75), fatima, ApprovalLevel.Gemeente, comparison);
            Approve(s, Day(70), municipality, "Akkoord: goedkoper dan een volledig traject en voorkomt uitzetting");
            Pay(s, 3250m, Day(65), "Gemeentelijke Kredietbank Voorbeeld", fatima);
        }
        if (Goal("Wijkteam Zuid", ZrmDomain.Financien, ZrmDomain.Huisvesting) is { } energy)
        {
            var s = Spend(energy, InterventionKind.Energie, "Energieachterstand, afsluiting voorkomen", 180m, "Afsluiting aangekondigd; kleine achterstand na ziekte.",
                [LegalFramework.Wgs], Day(30), koen, ApprovalLevel.Mandaat);
            Approve(s, Day(30), koen, "Binnen het eigen mandaat");
            Pay(s, 180m, Day(29), "Energieleverancier Stroom", koen);
        }
        if (Goal("Wijkteam Zuid") is { } stay)
        {
            var s = Spend(stay, InterventionKind.Logeerplek, "Logeerplek voor een weekend per maand", 600m, "Ontlasting van de mantelzorger.",
                [LegalFramework.Wmo2015], Day(50), koen, ApprovalLevel.Teamleider);
            Approve(s, Day(49), colleague, "Past bij het plan");
            Cancel(s, Day(45), koen, "De zus van de mantelzorger neemt de weekenden over.");
        }
        if (Goal("Wijkteam Centrum", ZrmDomain.GeestelijkeGezondheid, ZrmDomain.SociaalNetwerk) is { } club)
        {
            var s = Spend(club, InterventionKind.Overig, "Contributie en kleding voor de sportclub", 145m, "Sport als dagritme en contact met leeftijdsgenoten.",
                [LegalFramework.Jeugdwet], Day(90), colleague, ApprovalLevel.Mandaat);
            Approve(s, Day(90), colleague, "Binnen het eigen mandaat");
            Pay(s, 145m, Day(88), "Sportvereniging Voorwaarts", colleague);
        }
        await db.SaveChangesAsync(ct);
    }

    private DateOnly Day(int daysAgo)
    {
        var d = _today.AddDays(-daysAgo);
        return d.Year < _today.Year ? new DateOnly(_today.Year, 1, 1) : d;
    }

    private static DateTime At(DateOnly d) => d.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc);

    private static ComparisonLine Line(Tariff t, decimal quantity) => new(t.Id, t.Code, t.Name, t.Unit, t.Amount, t.Source, quantity);

    private void Entry(TeamBudget budget, EntryKind kind, decimal amount, LegalFramework? framework, string reason, DateOnly on, (string Id, string Name) actor,
        Guid? counterpart = null, Spend? spend = null) =>
        db.BudgetEntries.Add(new BudgetEntry
        {
            Gemeentecode = gemeentecode, BudgetId = budget.Id, TeamId = budget.TeamId, Year = budget.Year, Kind = kind, Framework = framework, Amount = amount,
            SpendId = spend?.Id, Domain = spend?.Domain, CounterpartTeamId = counterpart, Reason = reason, BookedOn = on, OccurredAt = At(on), ActorId = actor.Id, ActorName = actor.Name,
        });

    private Spend Spend((Household Household, Guid Goal, ZrmDomain Domain, Guid Team) at, InterventionKind kind, string description, decimal amount, string justification,
        IReadOnlyList<LegalFramework> frameworks, DateOnly on, (string Id, string Name) by, ApprovalLevel level, CostComparison? comparison = null)
    {
        var s = Data.Spend.Request(at.Household, _budgets[at.Team], (at.Goal, at.Domain), kind, description, justification, amount,
            frameworks, FrameworkSuggestion.For(at.Domain, false), level, new BudgetActor(by.Id, by.Name), At(on),
            comparison is null ? null : JsonSerializer.Serialize(SpendComparisons.ToView(comparison, amount)), comparison?.AvoidedEstimate(amount));
        db.Spends.Add(s);
        Event(s, EventTypes.SpendCommitted, on, by, $"Uitgave vastgelegd: {description} ({new Money(amount)})", amount);
        return s;
    }

    // The demo's decisions go through the spend's own steps; as a system account, so no team lead's limit applies.
    private void Approve(Spend s, DateOnly on, (string Id, string Name) by, string reason)
    {
        Booked(s.Level == ApprovalLevel.Mandaat ? s.ApproveWithinMandate(At(on)) : s.Approve(Decider(by), reason, At(on)));
        Event(s, EventTypes.SpendApproved, on, by, $"Uitgave goedgekeurd ({SpendStatuses.Label(s.Level)}): {s.Description} ({new Money(s.Amount)})", s.Amount);
    }

    private void Refuse(Spend s, DateOnly on, (string Id, string Name) by, string reason)
    {
        Booked(s.Refuse(Decider(by), reason, At(on)));
        Event(s, EventTypes.SpendRefused, on, by, $"Uitgave afgewezen: {s.Description} ({new Money(s.Amount)})", s.Amount);
    }

    private void Pay(Spend s, decimal amount, DateOnly on, string payee, (string Id, string Name) by)
    {
        Booked(s.Pay(amount.ToString("0.00", Nl), on.ToString("dd-MM-yyyy", Nl), payee, new BudgetActor(by.Id, by.Name), _today, At(on)));
        Event(s, EventTypes.SpendPaid, on, by, $"Uitgave betaald aan {payee}: {s.Description} ({new Money(amount)})", amount);
    }

    private void Cancel(Spend s, DateOnly on, (string Id, string Name) by, string reason)
    {
        Booked(s.Cancel(reason, new BudgetActor(by.Id, by.Name), At(on)));
        Event(s, EventTypes.SpendCancelled, on, by, $"Uitgave geannuleerd: {s.Description} ({new Money(s.Amount)})", s.Amount);
    }

    private static readonly System.Globalization.CultureInfo Nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    private static SpendDecider Decider((string Id, string Name) by) => new(new BudgetActor(by.Id, by.Name), SpendDeciderRole.System);

    private void Booked(SpendStep step)
    {
        if (step.IsRefused) throw new InvalidOperationException("Demo spend refused: " + string.Join(", ", step.Errors.Select(e => e.Code)));
        db.BudgetEntries.AddRange(step.Entries);
    }

    private void Event(Spend s, string type, DateOnly on, (string Id, string Name) by, string summary, decimal amount) =>
        db.HouseholdEvents.Add(new HouseholdEvent
        {
            Gemeentecode = gemeentecode, HouseholdId = s.HouseholdId, Type = type, OccurredAt = At(on), EffectiveDate = on, ActorId = by.Id, ActorName = by.Name, Summary = summary,
            Data = JsonSerializer.Serialize(new { uitgave = s.Id, bedrag = amount, team = s.TeamId, kaders = LegalFrameworks.ParseList(s.Frameworks).Select(f => f.ToString()).ToArray() }),
        });
}
