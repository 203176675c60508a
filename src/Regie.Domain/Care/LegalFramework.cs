namespace Regie.Domain.Care;

/// <summary>The laws under which a municipality supports residents. Stored by name.</summary>
public enum LegalFramework
{
    Wmo2015,
    Jeugdwet,
    Participatiewet,
    Wgs,
}

public static class LegalFrameworks
{
    public const string InvalidCode = "framework-invalid";

    public static readonly IReadOnlyList<LegalFramework> All = Enum.GetValues<LegalFramework>();

    public static string Label(LegalFramework f) => f switch
    {
        LegalFramework.Wmo2015 => "Wmo 2015",
        LegalFramework.Jeugdwet => "Jeugdwet",
        LegalFramework.Participatiewet => "Participatiewet",
        _ => "Wet gemeentelijke schuldhulpverlening",
    };

    /// <summary>Parses a comma-separated list as stored; unknown names are skipped so an old row never breaks a page.</summary>
    public static IReadOnlyList<LegalFramework> ParseList(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<LegalFramework>(s, out var f) ? f : (LegalFramework?)null)
            .OfType<LegalFramework>().Distinct().Order().ToList();

    public static string? ToStored(IEnumerable<LegalFramework> frameworks)
    {
        var list = frameworks.Distinct().Order().ToList();
        return list.Count == 0 ? null : string.Join(",", list);
    }
}
