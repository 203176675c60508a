using Bogus;
using Regie.Domain.Registry;
using Regie.Web.Data;
using System.Text.Json;
using Person = Regie.Web.Data.Person;

namespace Regie.Web.Infrastructure.Demo;

public sealed record DemoBatch(List<Household> Households, List<Person> Persons, List<HouseholdMember> Members, List<HouseholdEvent> Events)
{
    public List<ZrmAssessment> Assessments { get; } = [];
    public List<ZrmScore> Scores { get; } = [];
    public List<HelpRequest> Requests { get; } = [];
    public List<HelpRequestPerson> RequestPersons { get; } = [];
    public List<HelpRequestScore> RequestScores { get; } = [];
    public List<Trajectory> Trajectories { get; } = [];
    public List<Plan> Plans { get; } = [];
    public List<PlanGoal> Goals { get; } = [];
    public List<PlanAction> Actions { get; } = [];
    public List<PlanVersion> Versions { get; } = [];
    public List<PlanAgreement> Agreements { get; } = [];
    public List<PlanEvaluation> Evaluations { get; } = [];
    /// <summary>Households whose trajectory was closed: they have no coordinator any more.</summary>
    public HashSet<Guid> Closed { get; } = [];
}

/// <summary>
/// Plausible Dutch households: singles, couples, families, single parents and three
/// generations under one roof, with move and address histories spread over the last years.
/// Test BSNs run out after about 9,100 persons; later persons are registered without BSN.
/// </summary>
public sealed partial class DemoHouseholdGenerator(string gemeentecode, DateTime now, IEnumerator<string> bsns, int seed,
    IReadOnlyDictionary<string, Guid>? teamsByWijk = null)
{
    /// <summary>About a third of households get help from their wijk's team; the rest are only registered.</summary>
    private const float ShareWithTeam = 0.35f;
    private readonly Faker _f = new("nl") { Random = new Randomizer(seed) };
    // Marks households give the help draw from their own sequence, so adding them left the rest of the demo as it was.
    private readonly Random _marks = new(seed);
    private readonly DateOnly _today = DateOnly.FromDateTime(now);
    private const string Actor = "demo";

    public DemoBatch Generate(int count, bool includeStory)
    {
        var batch = new DemoBatch([], [], [], []);
        if (includeStory && count >= 2) AddSeed003Story(batch);
        while (batch.Households.Count < count) AddRandomHousehold(batch, roomForTwo: batch.Households.Count + 2 <= count);
        AddAssessments(batch);
        AddPlans(batch);
        AddOpenRequests(batch);
        // Ids follow insertion order and the timeline pages by id: insert the history in the order it happened.
        var chronological = batch.Events.OrderBy(e => e.OccurredAt).ToList();
        batch.Events.Clear();
        batch.Events.AddRange(chronological);
        return batch;
    }

    private void AddRandomHousehold(DemoBatch b, bool roomForTwo)
    {
        var registered = _today.AddDays(-_f.Random.Int(30, 3 * 365));
        var h = NewHousehold(b, registered);
        var family = SplitName(_f.Name.LastName());
        var roll = _f.Random.Int(1, 100);
        var adults = roll switch { <= 30 => 1, <= 55 => 2, <= 80 => 2, <= 92 => 1, _ => 1 };
        var kids = roll switch { <= 55 => 0, _ => _f.Random.Int(1, 3) };
        var parentAge = kids > 0 ? _f.Random.Int(26, 52) : _f.Random.Int(19, 88);
        var formed = registered.AddDays(-_f.Random.Int(0, 8 * 365));

        var first = AddPerson(b, h, family, parentAge, kids > 0 ? HouseholdRole.Ouder : HouseholdRole.Partner, formed, registered);
        h.Naam = $"Huishouden {first.Achternaam}";
        if (adults == 2)
            AddPerson(b, h, _f.Random.Bool(0.6f) ? family : SplitName(_f.Name.LastName()), parentAge + _f.Random.Int(-4, 4),
                kids > 0 ? HouseholdRole.Ouder : HouseholdRole.Partner, formed, registered);
        for (var k = 0; k < kids; k++)
            AddPerson(b, h, family, _f.Random.Int(0, Math.Min(17, parentAge - 18)), HouseholdRole.Kind, formed, registered);
        if (roll > 92)
            AddPerson(b, h, SplitName(_f.Name.LastName()), _f.Random.Int(65, 90), HouseholdRole.Overig, formed, registered);

        // Some households saw a child leave home (to a household registered later) or moved house.
        if (roll is > 55 and <= 62 && roomForTwo)
        {
            var leaver = AddPerson(b, h, family, _f.Random.Int(18, 24), HouseholdRole.Kind, formed, registered);
            var moveDate = _today.AddDays(-_f.Random.Int(10, 300));
            // The child may have left before the household was registered here: an ended period, written as it was.
            b.Members[^1] = Ended(b.Members[^1], moveDate);
            var own = NewHousehold(b, moveDate);
            own.Naam = $"Huishouden {leaver.Achternaam}";
            b.Members.Add(Member(own, leaver, HouseholdRole.Partner, moveDate));
            Event(b, h, EventTypes.MemberLeft, moveDate, leaver.Id, $"{leaver.Name.FullName} {Features.Households.MovePersonHandler.MovedAwaySummary}", new { reden = "verhuisd", naarHuishouden = own.Id });
            Event(b, own, EventTypes.HouseholdCreated, moveDate, null, $"Huishouden geregistreerd op {own.Address.Line1}, {own.Address.Line2}", new { wijk = own.Wijk, buurt = own.Buurt, leden = 1 });
            Event(b, own, EventTypes.MemberJoined, moveDate, leaver.Id, $"{leaver.Name.FullName} ingetrokken vanuit {h.Naam}, als partner", new { rol = "Partner", vanHuishouden = h.Id });
        }
        else if (roll is > 62 and <= 66)
        {
            var old = h.Address;
            var moved = _today.AddDays(-_f.Random.Int(5, 200));
            SetRandomAddress(h);
            Event(b, h, EventTypes.AddressChanged, moved, null, $"Adres gewijzigd van {old.Line1}, {old.Line2} naar {h.Address.Line1}, {h.Address.Line2}",
                new { vanPostcode = old.Postcode.Value, naarPostcode = h.Postcode, wijk = h.Wijk, buurt = h.Buurt });
        }
    }

    /// <summary>Seed 003: a mother and her two children move in with her own mother after an eviction threat.</summary>
    private void AddSeed003Story(DemoBatch b)
    {
        var moveDate = _today.AddDays(-21);
        var gran = NewHousehold(b, _today.AddYears(-2));
        gran.Naam = "Huishouden de Wit";
        InWijkNoord(b, gran);
        var ria = AddNamedPerson(b, gran, "Ria", "de", "Wit", new DateOnly(1961, 4, 12), HouseholdRole.Ouder, _today.AddYears(-30), _today.AddYears(-2));

        var mother = NewHousehold(b, _today.AddDays(-400));
        mother.Naam = "Huishouden Bakker";
        InWijkNoord(b, mother);
        var sanne = AddNamedPerson(b, mother, "Sanne", null, "Bakker", new DateOnly(1989, 9, 3), HouseholdRole.Ouder, _today.AddYears(-9), _today.AddDays(-400));
        var kids = new[]
        {
            AddNamedPerson(b, mother, "Noah", null, "Bakker", new DateOnly(2015, 2, 17), HouseholdRole.Kind, new DateOnly(2015, 2, 17), _today.AddDays(-400)),
            AddNamedPerson(b, mother, "Lieke", null, "Bakker", new DateOnly(2018, 11, 30), HouseholdRole.Kind, new DateOnly(2018, 11, 30), _today.AddDays(-400)),
        };
        foreach (var p in kids.Prepend(sanne))
        {
            b.Members.Single(x => x.PersonId == p.Id).End(moveDate);
            b.Members.Add(Member(gran, p, p == sanne ? HouseholdRole.Overig : HouseholdRole.Kind, moveDate));
            Event(b, mother, EventTypes.MemberLeft, moveDate, p.Id, $"{p.Name.FullName} {Features.Households.MovePersonHandler.MovedAwaySummary}", new { reden = "verhuisd", naarHuishouden = gran.Id });
            Event(b, gran, EventTypes.MemberJoined, moveDate, p.Id, $"{p.Name.FullName} ingetrokken vanuit {mother.Naam}, als {(p == sanne ? "overig" : "kind")}", new { vanHuishouden = mother.Id });
        }
        _ = ria;
    }

    /// <summary>The story plays in Noord, where the demo coordinator works, with the team holding both files.</summary>
    private void InWijkNoord(DemoBatch b, Household h)
    {
        h.SetAddress(h.Address with { Wijk = "Noord", Buurt = "Molenwijk", Postcode = Postcode.Parse("991" + h.Postcode[3..]).Value });
        h.HandOverTo(teamsByWijk?.GetValueOrDefault("Noord"));
        b.Events.Single(e => e.HouseholdId == h.Id && e.Type == EventTypes.HouseholdCreated).Summary =
            $"Huishouden geregistreerd op {h.Address.Line1}, {h.Address.Line2}";
    }

    /// <summary>
    /// Adults in households a team works with get a first ZRM assessment and, often, a later one
    /// that shows progress (or not), so the household summary and, later, the monitor have data.
    /// </summary>
    private void AddAssessments(DemoBatch b)
    {
        var withTeam = b.Households.Where(h => h.ResponsibleTeamId is not null).Select(h => h.Id).ToHashSet();
        var people = b.Persons.ToDictionary(p => p.Id);
        foreach (var m in b.Members.Where(m => m.IsCurrent && withTeam.Contains(m.HouseholdId) && m.Role != HouseholdRole.Kind))
        {
            var household = b.Households.First(h => h.Id == m.HouseholdId);
            // Assessed in this household: never before the person lived there.
            var first = _today.AddDays(-_f.Random.Int(60, 400));
            if (first < m.From) first = m.From;
            var baseline = Domain.Assessment.Zrm.Domains.ToDictionary(d => d, _ => _f.Random.Int(1, 5));
            Assess(b, household, people[m.PersonId], first, baseline);
            var second = _today.AddDays(-_f.Random.Int(1, 29));
            if (second > first && _f.Random.Bool(0.7f))
                Assess(b, household, people[m.PersonId], second,
                    baseline.ToDictionary(kv => kv.Key, kv => Math.Clamp(kv.Value + _f.Random.Int(-1, 2), 1, 5)));
        }
    }

    private void Assess(DemoBatch b, Household h, Person p, DateOnly on, Dictionary<Domain.Assessment.ZrmDomain, int> scores)
    {
        var a = new ZrmAssessment
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = h.Id, PersonId = p.Id, AssessedOn = on,
            AssessorId = Actor, AssessorName = "Demo-installatie", CreatedAt = on.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc),
        };
        // Not every domain is assessed every time.
        var assessed = scores.Where(_ => _f.Random.Bool(0.85f)).ToList();
        b.Assessments.Add(a);
        b.Scores.AddRange(assessed.Select(kv => new ZrmScore { AssessmentId = a.Id, Domain = kv.Key, Score = kv.Value }));
        if (assessed.Count == 0) return;
        var lowest = assessed.MinBy(kv => kv.Value);
        Event(b, h, EventTypes.AssessmentRecorded, on, p.Id,
            $"ZRM-meting van {p.Name.FullName}: {assessed.Count} leefgebieden, laagste score {lowest.Value} ({Domain.Assessment.Zrm.Label(lowest.Key)})",
            assessed.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value));
    }

    private Household NewHousehold(DemoBatch b, DateOnly registered)
    {
        var at = registered.ToDateTime(new TimeOnly(9, 0).AddMinutes(_f.Random.Int(0, 480)), DateTimeKind.Utc);
        var h = new Household
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Naam = "Huishouden", Postcode = "", Woonplaats = "Voorbeeld",
            CreatedAt = at, UpdatedAt = at,
        };
        SetRandomAddress(h);
        if (teamsByWijk is not null && _f.Random.Bool(ShareWithTeam)) h.HandOverTo(teamsByWijk.GetValueOrDefault(h.Wijk!));
        b.Households.Add(h);
        Event(b, h, EventTypes.HouseholdCreated, registered, null, $"Huishouden geregistreerd op {h.Address.Line1}, {h.Address.Line2}", new { wijk = h.Wijk, buurt = h.Buurt });
        return h;
    }

    private void SetRandomAddress(Household h)
    {
        var team = _f.PickRandom(DemoSeeder.Teams);
        // Drawn in this order, so the same seed gives the same addresses.
        var wijk = team.Wijk;
        var buurt = _f.PickRandom(team.Buurten);
        var straat = _f.Address.StreetName();
        var huisnummer = _f.Random.Int(1, 250);
        var huisletter = _f.Random.Bool(0.08f) ? _f.PickRandom("A", "B", "C") : null;
        var toevoeging = _f.Random.Bool(0.1f) ? _f.Random.Int(1, 4).ToString() : null;
        string letters;
        do letters = _f.Random.String2(2, "ABCEFGHJKLMNPRTVWXZ"); while (letters is "SA" or "SD" or "SS");
        var postcode = Postcode.Parse(team.PostcodePrefix + _f.Random.Int(1, 9) + letters).Value;
        h.SetAddress(new Address(straat, huisnummer, huisletter, toevoeging, postcode, h.Woonplaats, wijk, buurt));
    }

    private Person AddPerson(DemoBatch b, Household h, (string? Prefix, string Last) family, int age, HouseholdRole role, DateOnly formed, DateOnly registered)
    {
        var birth = _today.AddYears(-Math.Max(0, age)).AddDays(-_f.Random.Int(1, 364));
        var gender = _f.PickRandom(Bogus.DataSets.Name.Gender.Female, Bogus.DataSets.Name.Gender.Male);
        var first = _f.Name.FirstName(gender);
        if (_f.Random.Bool(0.3f)) first += " " + _f.Name.FirstName(gender);
        var from = birth > formed ? birth : formed;
        return AddNamedPerson(b, h, first, family.Prefix, family.Last, birth, role, from, registered);
    }

    private Person AddNamedPerson(DemoBatch b, Household h, string first, string? prefix, string last, DateOnly birth, HouseholdRole role, DateOnly from, DateOnly registered)
    {
        var at = registered.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var adult = BirthDate.AgeOn(birth, _today) >= 18;
        var p = new Person
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Bsn = bsns.MoveNext() ? bsns.Current : null,
            Voornamen = first, Voorvoegsel = prefix, Achternaam = last, ZoekNaam = PersonName.SearchKeyOf(last),
            ZoekVoornamen = PersonName.FirstNamesSearchKeyOf(first), Geboortedatum = birth,
            Telefoon = adult ? "06" + _f.Random.Int(10_000_000, 99_999_999) : null,
            Email = adult && _f.Random.Bool(0.5f) ? $"{PersonName.SearchKeyOf(first.Split(' ')[0])}.{PersonName.SearchKeyOf(last)}{_f.Random.Int(1, 99)}@voorbeeld.nl" : null,
            CreatedAt = at, UpdatedAt = at,
        };
        b.Persons.Add(p);
        b.Members.Add(Member(h, p, role, from));
        Event(b, h, EventTypes.PersonRegistered, registered, p.Id, $"{p.Name.FullName} geregistreerd", null);
        Event(b, h, EventTypes.MemberJoined, from > registered ? from : registered, p.Id,
            $"{p.Name.FullName} toegevoegd als {HouseholdRoles.Label(role).ToLowerInvariant()}", new { rol = role.ToString() });
        return p;
    }

    private HouseholdMember Member(Household h, Person p, HouseholdRole role, DateOnly from) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = h.Id, PersonId = p.Id, Role = role, From = from,
    };

    /// <summary>The same period, ended on <paramref name="until"/> as it was registered, which may be before its start here.</summary>
    private static HouseholdMember Ended(HouseholdMember m, DateOnly until) => new()
    {
        Id = m.Id, Gemeentecode = m.Gemeentecode, HouseholdId = m.HouseholdId, PersonId = m.PersonId, Role = m.Role, From = m.From, Until = until,
    };

    private void Event(DemoBatch b, Household h, string type, DateOnly effective, Guid? personId, string summary, object? data) =>
        b.Events.Add(new HouseholdEvent
        {
            Gemeentecode = gemeentecode, HouseholdId = h.Id, PersonId = personId, Type = type,
            OccurredAt = (effective > _today ? _today : effective).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            EffectiveDate = effective, ActorId = Actor, ActorName = "Demo-installatie", Summary = summary,
            Data = data is null ? null : JsonSerializer.Serialize(data),
        });

    private static (string? Prefix, string Last) SplitName(string full)
    {
        var stripped = PersonName.StripPrefix(full);
        if (stripped.Length == full.Length) return (null, full);
        return (full[..(full.Length - stripped.Length)].Trim().ToLowerInvariant(), stripped);
    }
}
