using Regie.Domain.Registry;

namespace Regie.Web.Data;

public sealed class Person : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    /// <summary>Identifying data from the BRP: set at registration, changed only by <see cref="Correct"/> (AVG art. 16).</summary>
    public string? Bsn { get => _bsn; init => _bsn = value; }
    private string? _bsn;
    public required string Voornamen { get => _voornamen; init => _voornamen = value; }
    private string _voornamen = "";
    public string? Voorvoegsel { get => _voorvoegsel; init => _voorvoegsel = value; }
    private string? _voorvoegsel;
    public required string Achternaam { get => _achternaam; init => _achternaam = value; }
    private string _achternaam = "";
    /// <summary>Normalised achternaam (see PersonName.SearchKeyOf); indexed for prefix search.</summary>
    public required string ZoekNaam { get => _zoekNaam; init => _zoekNaam = value; }
    private string _zoekNaam = "";
    /// <summary>Normalised first names (see PersonName.FirstNamesSearchKeyOf), carried in the name index.</summary>
    public required string ZoekVoornamen { get => _zoekVoornamen; init => _zoekVoornamen = value; }
    private string _zoekVoornamen = "";
    public DateOnly Geboortedatum { get => _geboortedatum; init => _geboortedatum = value; }
    private DateOnly _geboortedatum;
    /// <summary>How to reach the person, checked by <see cref="ContactDetails"/>; changed only by <see cref="ChangeContact"/>.</summary>
    public string? Telefoon { get => _telefoon; init => _telefoon = value; }
    private string? _telefoon;
    public string? Email { get => _email; init => _email = value; }
    private string? _email;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get => _updatedAt; init => _updatedAt = value; }
    private DateTime _updatedAt;
    public int Version { get; set; }
    /// <summary>Set when retention removed what identifies this person; the row stays for the figures.</summary>
    public DateTime? AnonymisedAt { get; set; }

    public List<HouseholdMember> Memberships { get; set; } = [];

    public PersonName Name => new(Voornamen, Voorvoegsel, Achternaam);

    /// <summary>New contact details, already checked by <see cref="ContactDetails"/>; false when nothing changes.</summary>
    public bool ChangeContact(string? phone, string? email, DateTime at)
    {
        if (_telefoon == phone && _email == email) return false;
        _telefoon = phone;
        _email = email;
        _updatedAt = at;
        return true;
    }

    /// <summary>A correction of the identifying data (valid by <see cref="PersonName"/>, <see cref="Regie.Domain.Registry.Bsn"/> and <see cref="BirthDate"/>); the caller keeps the old values on the timeline.</summary>
    public void Correct(string? bsn, PersonName name, DateOnly geboortedatum, DateTime at)
    {
        _bsn = bsn;
        _voornamen = name.Voornamen;
        _voorvoegsel = name.Voorvoegsel;
        _achternaam = name.Achternaam;
        _zoekNaam = name.SearchKey;
        _zoekVoornamen = name.FirstNamesSearchKey;
        _geboortedatum = geboortedatum;
        _updatedAt = at;
    }
}

public sealed class Household : IMunicipalityOwned
{
    public const int NaamMaxLength = 200;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Naam { get; set; }
    public string? Straat { get; set; }
    public int Huisnummer { get; set; }
    public string? Huisletter { get; set; }
    public string? Toevoeging { get; set; }
    public required string Postcode { get; set; }
    public required string Woonplaats { get; set; }
    public string? Wijk { get; set; }
    public string? Buurt { get; set; }
    /// <summary>The team that holds the file ("regie"); its professionals see it without further grant.</summary>
    public Guid? ResponsibleTeamId { get; set; }
    /// <summary>The one coordinator (regisseur), set by <see cref="AssignCoordinator"/> and cleared by <see cref="ReleaseCoordinator"/>; history in <see cref="CoordinatorAssignment"/>.</summary>
    public string? CoordinatorId { get => _coordinatorId; init => _coordinatorId = value; }
    private string? _coordinatorId;
    public DateTime? AnonymisedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the household's own data last changed; moved only by its methods and <see cref="Touch"/>.</summary>
    public DateTime UpdatedAt { get => _updatedAt; init => _updatedAt = value; }
    private DateTime _updatedAt;
    public int Version { get; set; }

    public List<HouseholdMember> Members { get; set; } = [];

    public Address Address => new(Straat, Huisnummer, Huisletter, Toevoeging,
        Domain.Registry.Postcode.Parse(Postcode).Value, Woonplaats, Wijk, Buurt);

    /// <summary>
    /// The household gets <paramref name="coordinatorId"/> as its one coordinator; the coordinator's team holds the file
    /// from then on (a coordinator without a team leaves it where it is).
    /// </summary>
    public void AssignCoordinator(string coordinatorId, Guid? coordinatorTeam, DateTime at)
    {
        _coordinatorId = coordinatorId;
        ResponsibleTeamId = coordinatorTeam ?? ResponsibleTeamId;
        _updatedAt = at;
    }

    /// <summary>A closed household has no coordinator; the team keeps the file for the retention period.</summary>
    public void ReleaseCoordinator(DateTime at)
    {
        _coordinatorId = null;
        _updatedAt = at;
    }

    /// <summary>Records that the household changed at <paramref name="at"/> (its members or its address).</summary>
    public void Touch(DateTime at) => _updatedAt = at;

    public void SetAddress(Address a)
    {
        Straat = a.Straat;
        Huisnummer = a.Huisnummer;
        Huisletter = a.Huisletter;
        Toevoeging = a.Toevoeging;
        Postcode = a.Postcode.Value;
        Woonplaats = a.Woonplaats;
        Wijk = a.Wijk;
        Buurt = a.Buurt;
    }
}

/// <summary>A period of membership. Ending one sets Until; rows are never deleted, so history stays.</summary>
public sealed class HouseholdMember : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public HouseholdRole Role { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }

    public Household? Household { get; set; }
    public Person? Person { get; set; }

    public MembershipPeriod ToPeriod() => new(HouseholdId, Role, From, Until);

    /// <summary>Closes the period on <paramref name="until"/>; an ended period, or a day before its start, is refused.</summary>
    public void End(DateOnly until)
    {
        if (Until is not null || until < From) throw new InvalidOperationException("Membership end refused: already ended or before its start.");
        Until = until;
    }
}

/// <summary>
/// An immutable fact about a household: what happened, to whom, by whom, when. The household
/// timeline shows them; the monitor aggregates them. <see cref="Id"/> is an ever-increasing
/// sequence, so an aggregate can resume from the last event it processed.
/// </summary>
public sealed class HouseholdEvent : IMunicipalityOwned
{
    public const int ActorIdMaxLength = RegieUser.IdMaxLength;
    public const int ActorNameMaxLength = 200;
    public const int SummaryMaxLength = 1000;

    public long Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid? PersonId { get; set; }
    /// <summary>Stable machine name such as "household.created"; see <see cref="EventTypes"/>.</summary>
    public required string Type { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>The day the fact applies to (a move date), which may precede the day it was recorded.</summary>
    public DateOnly EffectiveDate { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Summary { get; set; }
    /// <summary>Structured details as JSON, for aggregation; never shown raw.</summary>
    public string? Data { get; set; }
}
