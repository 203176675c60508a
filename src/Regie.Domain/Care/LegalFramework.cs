using Regie.Domain.Common;

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

    /// <summary>
    /// The one reading of a framework's name, as it is stored and as a form, a link or an API client sends it
    /// ("Wmo2015"); null when it names none (a number that names no member included).
    /// </summary>
    public static LegalFramework? Parse(string? name) => Enums.ParseDefined<LegalFramework>(name);

    /// <summary>The frameworks chosen in a form or request, in the order given; each name that is none adds <see cref="InvalidCode"/> on <paramref name="field"/>.</summary>
    public static List<LegalFramework> ParseChosen(IEnumerable<string> names, string field, ErrorList errors)
    {
        var chosen = new List<LegalFramework>();
        foreach (var name in names)
            if (Parse(name) is { } f) chosen.Add(f);
            else errors.Add(new DomainError(InvalidCode, field, "Kies een wettelijk kader uit de lijst."));
        return chosen;
    }

    /// <summary>Parses a comma-separated list as stored; unknown names are skipped so an old row never breaks a page.</summary>
    public static IReadOnlyList<LegalFramework> ParseList(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse).OfType<LegalFramework>().Distinct().Order().ToList();

    public static string? ToStored(IEnumerable<LegalFramework> frameworks)
    {
        var list = frameworks.Distinct().Order().ToList();
        return list.Count == 0 ? null : string.Join(",", list);
    }
}
