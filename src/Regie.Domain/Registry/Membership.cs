using Regie.Domain.Common;

namespace Regie.Domain.Registry;

/// <summary>One period in which a person belonged to a household. History is never overwritten.</summary>
public sealed record MembershipPeriod(Guid HouseholdId, HouseholdRole Role, DateOnly From, DateOnly? Until)
{
    public bool IsActive => Until is null;
}

/// <summary>
/// The rules for a person's household history: at most one household at a time, and a move
/// closes the old period on the day the new one starts, so the history has no gaps or overlaps.
/// </summary>
public static class MembershipRules
{
    public const string AlreadyMemberCode = "person-already-member";
    public const string MoveBeforeStartCode = "move-date-before-membership";
    public const string MoveInFutureCode = "move-date-in-future";
    public const string SameHouseholdCode = "move-same-household";
    public const string NotMemberCode = "person-not-member";

    /// <summary>The household to move to was not found, or may not be held by this user: both read the same.</summary>
    public static DomainError MoveTargetNotFound() =>
        new(DomainError.NotFoundCode, "NaarHuishoudenId", "Kies het huishouden waar de persoon naartoe verhuist.");

    /// <summary>The date of a move as typed: today when left empty, an error when it cannot be read.</summary>
    public static DateOnly ReadMoveDate(string? text, DateOnly today, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return today;
        if (DutchDate.TryParse(text, out var date)) return date;
        errors.Add(new DomainError(BirthDate.InvalidCode, "Verhuisdatum", "Vul de verhuisdatum in als dd-mm-jjjj."));
        return today;
    }

    /// <summary>A person can be added as a new member only when they live in no other household.</summary>
    public static DomainError? CanJoin(IEnumerable<MembershipPeriod> history, Guid householdId)
    {
        var active = history.FirstOrDefault(p => p.IsActive);
        if (active is null) return null;
        return active.HouseholdId == householdId
            ? new DomainError(AlreadyMemberCode, "PersonId", "Deze persoon hoort al bij dit huishouden.")
            : new DomainError(AlreadyMemberCode, "PersonId", "Deze persoon hoort bij een ander huishouden. Gebruik 'Verhuizen' om de persoon over te zetten; dan blijft de geschiedenis bewaard.");
    }

    /// <summary>Checks a move and returns the closed old period and the new one.</summary>
    public static Result<(MembershipPeriod Closed, MembershipPeriod Opened)> Move(
        IEnumerable<MembershipPeriod> history, Guid toHousehold, HouseholdRole role, DateOnly moveDate, DateOnly today)
    {
        var active = history.FirstOrDefault(p => p.IsActive);
        if (active is null)
            return new DomainError(NotMemberCode, "PersonId", "Deze persoon hoort nu bij geen huishouden; voeg de persoon toe in plaats van te verhuizen.");
        if (active.HouseholdId == toHousehold)
            return new DomainError(SameHouseholdCode, "NaarHuishoudenId", "De persoon woont al in dit huishouden. Kies een ander huishouden.");
        if (moveDate < active.From)
            return new DomainError(MoveBeforeStartCode, "Verhuisdatum", $"De verhuisdatum ligt vóór de start in het huidige huishouden ({DutchDate.Format(active.From)}).");
        if (moveDate > today)
            return new DomainError(MoveInFutureCode, "Verhuisdatum", "De verhuisdatum ligt in de toekomst. Registreer de verhuizing op of na de verhuisdag.");
        return (active with { Until = moveDate }, new MembershipPeriod(toHousehold, role, moveDate, null));
    }

    /// <summary>A membership is ended (uitgeschreven) on a day from its start up to today.</summary>
    public static DomainError? CheckEnd(DateOnly from, DateOnly until, DateOnly today) =>
        until < from || until > today
            ? new DomainError(MoveBeforeStartCode, "Datum", $"Kies een datum tussen {DutchDate.Format(from)} en vandaag.")
            : null;
}

/// <summary>Why a membership ends without a move to another household in the municipality (uitschrijven).</summary>
public static class LeaveReasons
{
    public const string InvalidCode = "leave-reason-invalid";
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["verhuisd-buiten-gemeente"] = "Verhuisd buiten de gemeente",
        ["verhuisd-onbekend"] = "Verhuisd, nieuw adres onbekend",
        ["overleden"] = "Overleden",
        ["anders"] = "Andere reden",
    };

    /// <summary>The reasons a caller may send: the keys of <see cref="Labels"/>.</summary>
    public static IEnumerable<string> Values => Labels.Keys;

    /// <summary>A reason is one of <see cref="Values"/>; anything else, or none, is refused.</summary>
    public static DomainError? Check(string? reason, string field = "Reden") =>
        reason is null || !Labels.ContainsKey(reason) ? new DomainError(InvalidCode, field, "Kies de reden van uitschrijven.") : null;
}
