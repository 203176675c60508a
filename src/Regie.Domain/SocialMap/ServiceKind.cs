namespace Regie.Domain.SocialMap;

/// <summary>
/// Regie's classification of a service on the social map: what a professional needs to know
/// before referring. Stored and exchanged by <see cref="ServiceKinds.Code"/>.
/// </summary>
public enum ServiceKind
{
    /// <summary>Algemene voorziening: freely accessible, no decision (beschikking) needed.</summary>
    Algemeen,
    /// <summary>Nulde lijn: volunteers and informal care.</summary>
    NuldeLijn,
    /// <summary>Maatwerkvoorziening: custom support that needs a decision.</summary>
    Maatwerk,
}

public static class ServiceKinds
{
    public static readonly IReadOnlyList<ServiceKind> All = Enum.GetValues<ServiceKind>();

    /// <summary>The stored code; the referral event's "soort" uses the same words.</summary>
    public static string Code(ServiceKind kind) => kind switch
    {
        ServiceKind.Algemeen => "algemeen",
        ServiceKind.NuldeLijn => "nulde-lijn",
        _ => "maatwerk",
    };

    /// <summary>Every code <see cref="FromCode"/> reads, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Codes { get; } = All.Select(Code).ToList();

    public static ServiceKind? FromCode(string? code)
    {
        var wanted = (code ?? "").Trim().ToLowerInvariant();
        for (var i = 0; i < Codes.Count; i++)
            if (Codes[i] == wanted) return All[i];
        return null;
    }

    public static string Label(ServiceKind kind) => kind switch
    {
        ServiceKind.Algemeen => "Algemene voorziening",
        ServiceKind.NuldeLijn => "Nulde lijn",
        _ => "Maatwerkvoorziening",
    };

    /// <summary>What the kind means for the resident, in one line for the search results.</summary>
    public static string Explanation(ServiceKind kind) => kind switch
    {
        ServiceKind.Algemeen => "vrij toegankelijk, geen beschikking nodig",
        ServiceKind.NuldeLijn => "vrijwilligers en mantelzorg",
        _ => "alleen met een beschikking van de gemeente",
    };
}
