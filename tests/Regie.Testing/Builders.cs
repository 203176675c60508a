using Regie.Web.Features.Households;

namespace Regie.Testing;

/// <summary>Valid inputs as a worker would type them; tests change only what they are about.</summary>
public static class Builders
{
    private static int _house = 1;

    public static MemberInput Member(string voornamen, string achternaam, string rol = "ouder", string geboortedatum = "03-07-1985",
        string? bsn = "", string? voorvoegsel = null) => new()
        {
            Rol = rol,
            Voornamen = voornamen,
            Voorvoegsel = voorvoegsel,
            Achternaam = achternaam,
            Geboortedatum = geboortedatum,
            Bsn = bsn == "" ? TestApp.NextBsn() : bsn,
        };

    /// <summary>A unique address per call, so address searches in one test class do not meet.</summary>
    public static AddressInput Address(string postcode = "9911 AB", int? huisnummer = null) => new()
    {
        Straat = "Dorpsstraat",
        Huisnummer = (huisnummer ?? Interlocked.Increment(ref _house)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Postcode = postcode,
        Woonplaats = "Voorbeeld",
        Wijk = "Noord",
        Buurt = "Molenwijk",
    };

    public static CreateHouseholdInput Household(params MemberInput[] members) => new() { Adres = Address(), Leden = [.. members] };
}
