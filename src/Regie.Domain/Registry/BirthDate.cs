using Regie.Domain.Common;

namespace Regie.Domain.Registry;

public static class BirthDate
{
    public const string InvalidCode = "birthdate-invalid";
    public const string FutureCode = "birthdate-in-future";
    public const string ImplausibleCode = "birthdate-implausible";
    private const int OldestPlausibleAge = 125;

    /// <summary>The age of majority (BW 1:233): below it a person is a child, for whom the Jeugdwet's terms apply.</summary>
    public const int AgeOfMajority = 18;

    public static Result<DateOnly> Parse(string? input, DateOnly today, string field = "Geboortedatum")
    {
        if (string.IsNullOrWhiteSpace(input))
            return new DomainError(InvalidCode, field, "Vul de geboortedatum in als dd-mm-jjjj.");
        if (!DutchDate.TryParse(input, out var date))
            return new DomainError(InvalidCode, field, "Deze datum bestaat niet of is niet geschreven als dd-mm-jjjj, bijvoorbeeld 03-07-1985.");
        return Check(date, today, field);
    }

    public static Result<DateOnly> Check(DateOnly date, DateOnly today, string field = "Geboortedatum")
    {
        if (date > today)
            return new DomainError(FutureCode, field, "De geboortedatum ligt in de toekomst.");
        if (date < today.AddYears(-OldestPlausibleAge))
            return new DomainError(ImplausibleCode, field, $"De geboortedatum ligt meer dan {OldestPlausibleAge} jaar terug. Controleer het jaar.");
        return date;
    }

    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        if (birth > day.AddYears(-age)) age--;
        return age;
    }

    /// <summary>Whether someone born on <paramref name="birth"/> was a child (a minor) on <paramref name="day"/>.</summary>
    public static bool IsMinorOn(DateOnly birth, DateOnly day) => AgeOn(birth, day) < AgeOfMajority;
}
