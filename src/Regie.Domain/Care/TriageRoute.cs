namespace Regie.Domain.Care;

/// <summary>Where a request goes after the intake.</summary>
public enum TriageRoute
{
    /// <summary>The sociale wijkteam takes the household: one plan, one coordinator.</summary>
    Wijkteam,
    /// <summary>The municipal desk (Wmo- or jeugdconsulent): access, indication and decisions.</summary>
    Loket,
    /// <summary>A general provision, freely accessible, no decision needed.</summary>
    AlgemeneVoorziening,
}

public static class TriageRoutes
{
    public static readonly IReadOnlyList<TriageRoute> All = Enum.GetValues<TriageRoute>();

    public static string Label(TriageRoute r) => r switch
    {
        TriageRoute.Wijkteam => "Wijkteam",
        TriageRoute.Loket => "Gemeentelijk loket",
        _ => "Algemene voorziening",
    };
}
