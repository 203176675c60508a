namespace Regie.Domain.Care;

/// <summary>Why a trajectory ended. Stored by name; the monitor counts them.</summary>
public enum ClosingReason
{
    DoelenBehaald,
    OvergedragenSpecialistischeZorg,
    OvergedragenAndereGemeente,
    InwonerStopt,
    GeenContactMogelijk,
    Overleden,
    Anders,
}

public static class ClosingReasons
{
    public static readonly IReadOnlyList<ClosingReason> All = Enum.GetValues<ClosingReason>();

    public static string Label(ClosingReason r) => r switch
    {
        ClosingReason.DoelenBehaald => "Doelen behaald",
        ClosingReason.OvergedragenSpecialistischeZorg => "Overgedragen aan specialistische zorg",
        ClosingReason.OvergedragenAndereGemeente => "Verhuisd naar een andere gemeente",
        ClosingReason.InwonerStopt => "Inwoner wil geen ondersteuning meer",
        ClosingReason.GeenContactMogelijk => "Geen contact mogelijk",
        ClosingReason.Overleden => "Overleden",
        _ => "Anders",
    };
}
