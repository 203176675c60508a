namespace Regie.Browser.Tests;

/// <summary>Values that no other test (and not the demo seed) uses, so tests can share one app.</summary>
public static class TestData
{
    // Letters the demo seed uses too; SA, SD and SS never occur in Dutch postcodes.
    private const string PostcodeLetters = "ABCEFGHJKLMNPRTVWXZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>A valid postcode outside the demo seed's 991x–994x range, as a person types it: "1234 AB".</summary>
    public static string Postcode()
    {
        var digits = Random.Shared.Next(1000, 9900);
        if (digits is >= 9910 and < 9950) digits -= 100;
        return $"{digits} {PostcodeLetters[Random.Shared.Next(PostcodeLetters.Length)]}{PostcodeLetters[Random.Shared.Next(PostcodeLetters.Length)]}";
    }

    /// <summary>A surname no one else has: a Dutch-looking stem with a random tail, e.g. "Brinkhorstqwe".</summary>
    public static string Surname(string stem = "Brinkhorst") =>
        stem + new string(Enumerable.Range(0, 6).Select(_ => Lower[Random.Shared.Next(Lower.Length)]).ToArray());
}
