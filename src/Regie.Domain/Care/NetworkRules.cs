using Regie.Domain.Common;
using Regie.Domain.Registry;

namespace Regie.Domain.Care;

/// <summary>How someone in the household's network relates to it. Stored by name.</summary>
public enum NetworkRelation
{
    Familie,
    Vriend,
    Buur,
    Vrijwilliger,
    Overig,
}

public static class NetworkRelations
{
    public static readonly IReadOnlyList<NetworkRelation> All = Enum.GetValues<NetworkRelation>();

    public static string Label(NetworkRelation r) => r switch
    {
        NetworkRelation.Familie => "Familie",
        NetworkRelation.Vriend => "Vriend of vriendin",
        NetworkRelation.Buur => "Buur",
        NetworkRelation.Vrijwilliger => "Vrijwilliger",
        _ => "Overig",
    };
}

// What a worker filled in, as typed, and what is left of it once every rule passed.
public sealed record NetworkMemberFields(string? Naam, string? Relatie, string? Telefoon, string? Email, string? RolInPlan, string? ToestemmingOp, Guid? ToestemmingDoor);
public sealed record NetworkMemberContent(string Name, NetworkRelation Relation, string? Phone, string? Email, string RoleInPlan, DateOnly ConsentOn, Guid ConsentBy,
    string ConsentByName);

/// <summary>
/// The rules of the household's network: family, friends, neighbours and volunteers who take part in the plan.
/// Nobody joins the network without the household's consent: who in the household gave it, and when. A member
/// of the network who no longer takes part is ended, with a date, and stays in the file's history.
/// </summary>
public static class NetworkRules
{
    public const string NameRequiredCode = "network-name-required";
    public const string RelationInvalidCode = "network-relation-invalid";
    public const string RoleRequiredCode = "network-role-required";
    public const string ConsentRequiredCode = "network-consent-required";
    public const string ConsentDateInvalidCode = "network-consent-date-invalid";
    public const string EndDateInvalidCode = "network-end-date-invalid";
    public const string AlreadyEndedCode = "network-member-ended";
    public const string NotCurrentCode = "network-member-not-current";
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 500;
    /// <summary>A network bigger than this is no longer a circle around the household: the eco-map stays readable.</summary>
    public const int MaxCurrentMembers = 30;
    public const string TooManyCode = "network-too-many";

    /// <param name="members">Who lives in the household now, by name: only they can give the household's consent.</param>
    /// <param name="current">The consent recorded before this change; null for a new member. It stays valid as it was, also when its giver has
    /// left the household since or it lies more than a year back.</param>
    public static NetworkMemberContent? Check(NetworkMemberFields f, IReadOnlyDictionary<Guid, string> members, (DateOnly On, Guid By, string ByName)? current,
        DateOnly today, ErrorList errors)
    {
        var count = errors.Errors.Count;
        var name = errors.Take(TextRules.RequiredLine(f.Naam, "Naam", "de naam", NameMaxLength, NameRequiredCode, "Vul de naam in van wie in het netwerk meedoet."));
        var relation = Enums.ParseDefined<NetworkRelation>(f.Relatie);
        if (relation is null) errors.Add(new DomainError(RelationInvalidCode, "Relatie", "Kies de relatie met het huishouden."));
        var phone = ContactDetails.Phone(f.Telefoon, "Telefoon", errors);
        var email = ContactDetails.Email(f.Email, "Email", errors);
        var role = errors.Take(TextRules.Required(f.RolInPlan, "RolInPlan", "wat deze persoon doet in het plan", RoleMaxLength, RoleRequiredCode,
            "Beschrijf kort wat deze persoon doet in het plan."));
        string? consentName = null;
        if (current is { } kept && f.ToestemmingDoor == kept.By) consentName = kept.ByName;
        else if (f.ToestemmingDoor is not { } by || !members.TryGetValue(by, out consentName))
            errors.Add(new DomainError(ConsentRequiredCode, "ToestemmingDoor",
                "Kies wie uit het huishouden toestemming gaf. Zonder toestemming van het huishouden kan niemand aan het netwerk worden toegevoegd."));
        var consentOn = current is { } same && DutchDate.TryParse(f.ToestemmingOp, out var given) && given == same.On ? same.On : CheckPastDate(f.ToestemmingOp, today, "ToestemmingOp", ConsentDateInvalidCode,
            "Vul de datum van de toestemming in als dd-mm-jjjj: niet in de toekomst en niet langer dan een jaar geleden.", errors);
        return errors.Errors.Count > count ? null
            : new NetworkMemberContent(name!, relation!.Value, phone, email, role!, consentOn!.Value, f.ToestemmingDoor!.Value, consentName!);
    }

    /// <summary>A network that is full takes nobody new: end someone first.</summary>
    public static DomainError? CheckRoom(int currentMembers) =>
        currentMembers < MaxCurrentMembers ? null
            : new DomainError(TooManyCode, "", $"Het netwerk heeft al {MaxCurrentMembers} personen. Beëindig eerst wie niet meer meedoet.");

    /// <summary>Ending: once, on a date not in the future and not before the member was added; empty is today.</summary>
    public static DateOnly? CheckEnd(string? datum, DateOnly from, DateOnly? until, DateOnly today, ErrorList errors)
    {
        if (until is not null)
        {
            errors.Add(new DomainError(AlreadyEndedCode, "", "Deze persoon doet al niet meer mee in het netwerk."));
            return null;
        }
        var date = today;
        if (!string.IsNullOrWhiteSpace(datum) && (!DutchDate.TryParse(datum, out date) || date > today || date < from))
        {
            errors.Add(new DomainError(EndDateInvalidCode, "Datum",
                "Vul de einddatum in als dd-mm-jjjj: niet in de toekomst en niet voor de datum waarop de persoon is toegevoegd."));
            return null;
        }
        return date;
    }

    /// <summary>A changed or ended network member is changed no more once ended.</summary>
    public static DomainError? CheckCurrent(DateOnly? until) =>
        until is null ? null : new DomainError(AlreadyEndedCode, "", "Deze persoon doet niet meer mee in het netwerk en kan niet meer worden gewijzigd.");

    /// <summary>The owner of an action chosen from the network: a current, consented member of this household's network.</summary>
    public static DomainError NotCurrent(string field) =>
        new(NotCurrentCode, field, "Kies iemand uit het huidige netwerk van dit huishouden.");

    private static DateOnly? CheckPastDate(string? value, DateOnly today, string field, string code, string message, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(value) || !DutchDate.TryParse(value, out var date) || date > today || date < today.AddYears(-1))
        {
            errors.Add(new DomainError(code, field, message));
            return null;
        }
        return date;
    }
}
