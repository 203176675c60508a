using Regie.Domain.Registry;
using System.Linq.Expressions;

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
    /// <summary>The address fields: set at registration, changed only by <see cref="SetAddress"/>.</summary>
    public string? Straat { get => _straat; init => _straat = value; }
    private string? _straat;
    public int Huisnummer { get => _huisnummer; init => _huisnummer = value; }
    private int _huisnummer;
    public string? Huisletter { get => _huisletter; init => _huisletter = value; }
    private string? _huisletter;
    public string? Toevoeging { get => _toevoeging; init => _toevoeging = value; }
    private string? _toevoeging;
    public required string Postcode { get => _postcode; init => _postcode = value; }
    private string _postcode = "";
    public required string Woonplaats { get => _woonplaats; init => _woonplaats = value; }
    private string _woonplaats = "";
    public string? Wijk { get => _wijk; init => _wijk = value; }
    private string? _wijk;
    public string? Buurt { get => _buurt; init => _buurt = value; }
    private string? _buurt;
    /// <summary>
    /// The team that holds the file ("regie"); its professionals see it without further grant. Changed only by
    /// <see cref="HandOverTo"/>, <see cref="TakeOnIfUnheld"/> and <see cref="AssignCoordinator"/>.
    /// </summary>
    public Guid? ResponsibleTeamId { get => _responsibleTeamId; init => _responsibleTeamId = value; }
    private Guid? _responsibleTeamId;
    /// <summary>The one coordinator (regisseur), set by <see cref="AssignCoordinator"/> and cleared by <see cref="ReleaseCoordinator"/>; history in <see cref="CoordinatorAssignment"/>.</summary>
    public string? CoordinatorId { get => _coordinatorId; init => _coordinatorId = value; }
    private string? _coordinatorId;
    public DateTime? AnonymisedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the household's own data last changed; moved only by its methods and <see cref="Touch"/>.</summary>
    public DateTime UpdatedAt { get => _updatedAt; init => _updatedAt = value; }
    private DateTime _updatedAt;
    public int Version { get; set; }

    /// <summary>Every membership period, ended ones included; changed only by <see cref="AddMember"/> and <see cref="EndMembership"/>.</summary>
    public IReadOnlyList<HouseholdMember> Members => _members;
    private readonly List<HouseholdMember> _members = [];

    public Address Address => new(Straat, Huisnummer, Huisletter, Toevoeging,
        Domain.Registry.Postcode.Parse(Postcode).Value, Woonplaats, Wijk, Buurt);

    /// <summary>
    /// The household gets <paramref name="coordinatorId"/> as its one coordinator; the coordinator's team holds the file
    /// from then on (a coordinator without a team leaves it where it is).
    /// </summary>
    public void AssignCoordinator(string coordinatorId, Guid? coordinatorTeam, DateTime at)
    {
        _coordinatorId = coordinatorId;
        _responsibleTeamId = coordinatorTeam ?? _responsibleTeamId;
        _updatedAt = at;
    }

    /// <summary>A closed household has no coordinator; the team keeps the file for the retention period.</summary>
    public void ReleaseCoordinator(DateTime at)
    {
        _coordinatorId = null;
        _updatedAt = at;
    }

    /// <summary>Hands the file over to <paramref name="teamId"/>, which holds it from then on (null: no team holds it).</summary>
    public void HandOverTo(Guid? teamId) => _responsibleTeamId = teamId;

    /// <summary>A file no team holds yet goes to <paramref name="teamId"/>; a file a team holds stays where it is.</summary>
    public void TakeOnIfUnheld(Guid? teamId) => _responsibleTeamId ??= teamId;

    /// <summary>Records that the household changed at <paramref name="at"/> (its members or its address).</summary>
    public void Touch(DateTime at) => _updatedAt = at;

    /// <summary>The household's address, already checked by <see cref="Address.Create"/>.</summary>
    public void SetAddress(Address a)
    {
        _straat = a.Straat;
        _huisnummer = a.Huisnummer;
        _huisletter = a.Huisletter;
        _toevoeging = a.Toevoeging;
        _postcode = a.Postcode.Value;
        _woonplaats = a.Woonplaats;
        _wijk = a.Wijk;
        _buurt = a.Buurt;
    }

    /// <summary>
    /// A new membership period from <paramref name="from"/>, already allowed by <see cref="MembershipRules"/>; the caller
    /// adds the returned member to the context.
    /// </summary>
    public HouseholdMember AddMember(Guid personId, HouseholdRole role, DateOnly from)
    {
        var member = new HouseholdMember
        {
            Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, HouseholdId = Id, PersonId = personId, Role = role, From = from,
        };
        _members.Add(member);
        return member;
    }

    /// <summary>Ends <paramref name="member"/>'s period in this household on <paramref name="until"/> (see <see cref="HouseholdMember.End"/>).</summary>
    public void EndMembership(HouseholdMember member, DateOnly until)
    {
        if (member.HouseholdId != Id) throw new InvalidOperationException("Membership end refused: the member belongs to another household.");
        member.End(until);
    }
}

/// <summary>A period of membership. Ending one sets Until; rows are never deleted, so history stays.</summary>
public sealed class HouseholdMember : IMunicipalityOwned
{
    /// <summary>The one "current member" rule as a query expression: the period has not ended. In memory: <see cref="IsCurrent"/>.</summary>
    public static readonly Expression<Func<HouseholdMember, bool>> Current = m => m.Until == null;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public HouseholdRole Role { get; set; }
    public DateOnly From { get; set; }
    /// <summary>Set at creation for a period that already ended, or by <see cref="End"/>, once.</summary>
    public DateOnly? Until { get => _until; init => _until = value; }
    private DateOnly? _until;

    public Household? Household { get; set; }
    public Person? Person { get; set; }

    /// <summary>The period has not ended: <see cref="Current"/> for a member in memory.</summary>
    public bool IsCurrent => Until is null;

    public MembershipPeriod ToPeriod() => new(HouseholdId, Role, From, Until);

    /// <summary>Closes the period on <paramref name="until"/>; an ended period, or a day before its start, is refused.</summary>
    public void End(DateOnly until)
    {
        if (_until is not null || until < From) throw new InvalidOperationException("Membership end refused: already ended or before its start.");
        _until = until;
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
