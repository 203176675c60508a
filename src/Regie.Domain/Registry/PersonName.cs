using Regie.Domain.Common;
using System.Globalization;
using System.Text;

namespace Regie.Domain.Registry;

/// <summary>
/// A Dutch name in its parts: "Jan Pieter" "van der" "Berg". The voorvoegsel is kept apart
/// because Dutch lists sort and search on the achternaam without it.
/// </summary>
public sealed record PersonName(string Voornamen, string? Voorvoegsel, string Achternaam)
{
    public const int MaxPartLength = 200;
    public const int VoorvoegselMaxLength = 20;
    /// <summary>The longest <see cref="FullName"/>: what a column that keeps a member's name (who agreed, who consented) holds.</summary>
    public const int FullNameMaxLength = MaxPartLength + 1 + VoorvoegselMaxLength + 1 + MaxPartLength;
    public const string InvalidCode = "name-invalid";

    public static Result<PersonName> Create(string? voornamen, string? voorvoegsel, string? achternaam, ErrorList errors)
    {
        var first = errors.Take(TextRules.Required(voornamen, "Voornamen", "de voornaam", MaxPartLength));
        var prefix = errors.Take(TextRules.Optional(voorvoegsel, "Voorvoegsel", "het voorvoegsel", VoorvoegselMaxLength));
        var last = errors.Take(TextRules.Required(achternaam, "Achternaam", "de achternaam", MaxPartLength));
        if (first is null || last is null || errors.HasErrors)
            return new DomainError(InvalidCode, "Achternaam", "De naam is niet volledig.");
        return new PersonName(first, prefix?.ToLowerInvariant(), last);
    }

    public string FullName => Voorvoegsel is null ? $"{Voornamen} {Achternaam}" : $"{Voornamen} {Voorvoegsel} {Achternaam}";

    /// <summary>"Berg, Jan Pieter van der": how Dutch registers list people.</summary>
    public string SortName => Voorvoegsel is null ? $"{Achternaam}, {Voornamen}" : $"{Achternaam}, {Voornamen} {Voorvoegsel}";

    public string SearchKey => SearchKeyOf(Achternaam);

    /// <summary>" jan pieter": each first name's key after a space, so " pie" matches a first name that starts with "pie".</summary>
    public string FirstNamesSearchKey => FirstNamesSearchKeyOf(Voornamen);

    public static string FirstNamesSearchKeyOf(string voornamen) =>
        string.Concat(voornamen.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(n => " " + SearchKeyOf(n)).Where(k => k.Length > 1));

    /// <summary>
    /// Lower case, accents removed, letters only: "Çelik-Özdemir" → "celikozdemir". Searching
    /// compares these keys, so an index on them answers a prefix search in both databases.
    /// </summary>
    public static string SearchKeyOf(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(lower);
            else if (lower == 'ß') sb.Append("ss");
            else if (lower is 'ø') sb.Append('o');
            else if (lower is 'æ') sb.Append("ae");
        }
        return sb.ToString();
    }

    /// <summary>Dutch surname prefixes, longest first, so "van der Berg" typed in one field can be split.</summary>
    public static readonly string[] KnownPrefixes =
        ["van den", "van der", "van de", "in 't", "in het", "op de", "op den", "uit de", "van", "de", "den", "der", "het", "'t", "te", "ter", "ten", "in", "op", "uit", "la", "le", "du", "da", "di", "el", "al"];

    /// <summary>Strips a leading voorvoegsel from a search term: "van der berg" searches "berg".</summary>
    public static string StripPrefix(string term)
    {
        var t = term.Trim();
        foreach (var prefix in KnownPrefixes)
            if (t.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
                return t[(prefix.Length + 1)..].Trim();
        return t;
    }
}
