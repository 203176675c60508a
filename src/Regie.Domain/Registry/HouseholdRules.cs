using Regie.Domain.Common;

namespace Regie.Domain.Registry;

/// <summary>
/// Registering a new household with its members: at least one member, every known person found, and nobody twice in the
/// list (by BSN). The <c>prefix</c> arguments name the member's row in the request, as <c>Leden[0].</c>.
/// </summary>
public static class HouseholdRules
{
    public const string NeedsMemberCode = "household-needs-member";
    public const string MemberListedTwiceCode = "member-listed-twice";

    public static DomainError? CheckHasMembers(int members) =>
        members == 0 ? new DomainError(NeedsMemberCode, "Leden", "Voeg minstens één lid toe aan het huishouden.") : null;

    /// <summary>A known person to take in was not found, or may not be worked on by this user: both read the same.</summary>
    public static DomainError PersonNotFound(string prefix) =>
        new(DomainError.NotFoundCode, prefix + "PersonId", "Deze persoon is niet gevonden.");

    /// <summary>A known person (<paramref name="bsn"/> null when they have none), remembered in <paramref name="seenBsn"/>.</summary>
    public static DomainError? CheckKnownPersonOnce(string? bsn, ISet<string> seenBsn, string prefix) =>
        bsn is not null && !seenBsn.Add(bsn)
            ? new DomainError(MemberListedTwiceCode, prefix + "PersonId", "Deze persoon staat twee keer in de lijst.")
            : null;

    /// <summary>A new person's BSN (null when none was given), remembered in <paramref name="seenBsn"/>.</summary>
    public static DomainError? CheckNewPersonOnce(string? bsn, ISet<string> seenBsn, string prefix) =>
        bsn is not null && !seenBsn.Add(bsn)
            ? new DomainError(MemberListedTwiceCode, prefix + "Bsn", "Dit BSN staat al bij een ander lid in deze lijst.")
            : null;
}
