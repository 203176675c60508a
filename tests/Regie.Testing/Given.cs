using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Coordination;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using static Regie.Testing.Builders;

namespace Regie.Testing;

/// <summary>A registered resident living alone: the household, the person and their BSN.</summary>
public sealed record Resident(Guid Household, Guid Person, string Bsn)
{
    public void Deconstruct(out Guid household, out Guid person) => (household, person) = (Household, Person);
}

/// <summary>A parent with a child.</summary>
public sealed record Family(Guid Household, Guid Parent, Guid Child);

/// <summary>A household with an active plan; <see cref="Goal"/> is its one goal when one was asked for.</summary>
public sealed record PlannedHousehold(Guid Household, Guid Person, Guid Goal);

/// <summary>
/// The situations tests start from, named as a worker would describe them. Every step goes through the
/// application's own handlers as the system (no team of its own) and must succeed, so a broken set-up fails
/// here with its reason instead of as a puzzling assertion further on. Tests change only what they are about.
/// </summary>
public sealed class Given(TestApp app)
{
    public const string Noord = "Wijkteam Noord";
    public const string Zuid = "Wijkteam Zuid";
    public const string Oost = "Wijkteam Oost";
    public const string Coordinator = "regisseur@voorbeeld.nl";

    private static string InDays(int days) => DateTime.UtcNow.AddDays(days).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A recorded change of working practice of another municipality (0001), written straight to the database: its id must stay unreachable.</summary>
    public async Task<Guid> PracticeChangeOfAnotherMunicipality()
    {
        var id = Guid.CreateVersion7();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        db.Werkwijzewijzigingen.Add(new Werkwijzewijziging
        {
            Id = id, Gemeentecode = "0001", Date = new DateOnly(2026, 1, 1), Title = "Buurgemeente", TeamIds = Guid.NewGuid().ToString(), RecordedBy = "test", RecordedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A household of these members, held by <paramref name="team"/> (by no team when null).</summary>
    public async Task<Guid> Household(IReadOnlyList<MemberInput> members, string? team = null, AddressInput? address = null)
    {
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        var input = Builders.Household([.. members]);
        if (address is not null) input.Adres = address;
        var created = await sp.GetRequiredService<CreateHouseholdHandler>().HandleAsync(input, default);
        if (!created.IsOk) throw new InvalidOperationException("Registering the household failed: " + string.Join("; ", created.Errors.Select(e => $"{e.Code} {e.Message}")));
        if (team is not null) await HeldBy(created.Value, team);
        return created.Value;
    }

    /// <summary>A household of these members that no team holds.</summary>
    public Task<Guid> Household(params MemberInput[] members) => Household(members, null);

    /// <summary>One adult living alone (born 03-07-1985 unless told), held by <paramref name="team"/>.</summary>
    public async Task<Resident> Resident(string surname, string firstName = "Test", string? team = null, string birthDate = "03-07-1985", AddressInput? address = null)
    {
        var member = Member(firstName, surname, geboortedatum: birthDate);
        var household = await Household([member], team, address);
        return new Resident(household, await PersonAsync(member.Bsn!), member.Bsn!);
    }

    /// <summary>A parent (born 03-07-1985) with a child, held by <paramref name="team"/>.</summary>
    public async Task<Family> Family(string surname, string? team = null, string parent = "Sanne", string child = "Noor", string childBorn = "01-02-2014")
    {
        var (p, c) = (Member(parent, surname), Member(child, surname, rol: "kind", geboortedatum: childBorn));
        var household = await Household([p, c], team);
        return new Family(household, await PersonAsync(p.Bsn!), await PersonAsync(c.Bsn!));
    }

    /// <summary>
    /// One adult living alone with an active plan (and so an open trajectory). The team holds the household before
    /// the plan starts, so the trajectory is the team's; a coordinator, when named, is assigned before it too.
    /// </summary>
    public async Task<Resident> HouseholdWithActivePlan(string surname, string firstName = "Test", string? team = null, string? coordinator = null)
    {
        var resident = await Resident(surname, firstName, team);
        if (coordinator is not null) await CoordinatedBy(resident.Household, coordinator);
        await StartPlan(resident.Household);
        return resident;
    }

    /// <summary>As <see cref="HouseholdWithActivePlan"/>, and the plan has one goal (version 2): <paramref name="goal"/>, or <see cref="Goal"/>.</summary>
    public async Task<PlannedHousehold> HouseholdWithPlanAndGoal(string surname, string firstName = "Test", string? team = null, string? coordinator = null, GoalInput? goal = null)
    {
        var resident = await HouseholdWithActivePlan(surname, firstName, team, coordinator);
        return new PlannedHousehold(resident.Household, resident.Person, await AddGoal(resident.Household, goal ?? Goal()));
    }

    /// <summary>A valid goal for version 1 of a plan, due in <paramref name="days"/> days.</summary>
    public static GoalInput Goal(string domain = "Financien", string what = "Geen huurachterstand meer", string measurable = "De achterstand is nul",
        string who = "Met de regisseur", int days = 60, int version = 1, Guid? person = null) => new()
        {
            Leefgebied = domain, Wat = what, MeetbaarResultaat = measurable, Wie = who, Streefdatum = InDays(days), Versie = version, PersoonId = person,
        };

    /// <summary>Starts the household's plan.</summary>
    public async Task StartPlan(Guid household)
    {
        await using var scope = app.Scope();
        var started = await new PlanUseCases(scope.ServiceProvider).StartAsync(household, default);
        if (!started.IsOk) throw new InvalidOperationException("Starting the plan failed: " + string.Join("; ", started.Errors.Select(e => e.Code)));
    }

    /// <summary>Adds a goal to the active plan; the goal's id.</summary>
    public async Task<Guid> AddGoal(Guid household, GoalInput goal)
    {
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        var added = await new PlanUseCases(sp).AddGoalAsync(household, goal, default);
        if (!added.IsOk) throw new InvalidOperationException("Adding the goal failed: " + string.Join("; ", added.Errors.Select(e => e.Code)));
        return await sp.GetRequiredService<RegieDbContext>().PlanGoals.Where(g => g.HouseholdId == household && g.Wat == goal.Wat)
            .OrderByDescending(g => g.CreatedAt).Select(g => g.Id).FirstAsync();
    }

    /// <summary>The staff member with this e-mail address becomes the household's coordinator.</summary>
    public async Task CoordinatedBy(Guid household, string email)
    {
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<RegieDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var version = await db.Households.Where(h => h.Id == household).Select(h => h.Version).SingleAsync();
        var assigned = await sp.GetRequiredService<AssignCoordinatorHandler>().HandleAsync(household, new AssignCoordinatorInput { RegisseurId = id, Versie = version }, default);
        if (!assigned.IsOk) throw new InvalidOperationException("Assigning the coordinator failed: " + string.Join("; ", assigned.Errors.Select(e => e.Code)));
    }

    /// <summary>The team works with the household: it holds the file (null: no team does).</summary>
    public async Task HeldBy(Guid household, string? team)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        (await db.Households.SingleAsync(h => h.Id == household)).HandOverTo(team is null ? null : await TeamId(db, team));
        await db.SaveChangesAsync();
    }

    public async Task<Guid> TeamId(string name)
    {
        await using var scope = app.Scope();
        return await TeamId(scope.ServiceProvider.GetRequiredService<RegieDbContext>(), name);
    }

    private static Task<Guid> TeamId(RegieDbContext db, string name) => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();

    private async Task<Guid> PersonAsync(string bsn)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Persons.Where(p => p.Bsn == bsn).Select(p => p.Id).SingleAsync();
    }
}
