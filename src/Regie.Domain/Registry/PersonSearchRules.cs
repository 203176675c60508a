using Regie.Domain.Common;

namespace Regie.Domain.Registry;

/// <summary>What a search for a person must be before it is worked out (a BSN, an address, a birth date or a name).</summary>
public static class PersonSearchRules
{
    public const string TooShortCode = "search-too-short";
    public const int MaxLength = 200;

    /// <summary>The trimmed search text: at most <see cref="MaxLength"/> characters and at least two.</summary>
    public static DomainError? CheckQuery(string q)
    {
        if (q.Length > MaxLength) return new DomainError(TextRules.TooLongCode, "q", "Een zoekopdracht mag maximaal 200 tekens lang zijn.");
        if (q.Length < 2) return new DomainError(TooShortCode, "q", "Typ minstens 2 tekens: een naam, BSN, geboortedatum of postcode met huisnummer.");
        return null;
    }

    /// <summary>A name search needs two letters of the surname, once a prefix such as "van der" is left out.</summary>
    public static DomainError NameTooShort() => new(TooShortCode, "q", "Typ minstens 2 letters van de achternaam.");
}
