namespace Regie.Domain.Care;

/// <summary>A goal's state. Stored by name.</summary>
public enum GoalStatus
{
    Open,
    Loopt,
    Behaald,
    DeelsBehaald,
    NietBehaald,
    Vervallen,
}

/// <summary>
/// Who carries out an action. The household itself, its network and volunteers come first in the
/// list on purpose: own strength and the "zero line" are where support starts, professionals after.
/// </summary>
public enum ActionOwnerKind
{
    Huishoudlid,
    Netwerk,
    Vrijwilliger,
    Professional,
    Organisatie,
}

public static class GoalStatuses
{
    public static readonly IReadOnlyList<GoalStatus> All = Enum.GetValues<GoalStatus>();
    /// <summary>The outcomes a goal can have when a trajectory closes.</summary>
    public static readonly IReadOnlyList<GoalStatus> Outcomes = [GoalStatus.Behaald, GoalStatus.DeelsBehaald, GoalStatus.NietBehaald, GoalStatus.Vervallen];

    public static bool IsFinal(GoalStatus s) => s is GoalStatus.Behaald or GoalStatus.DeelsBehaald or GoalStatus.NietBehaald or GoalStatus.Vervallen;

    public static string Label(GoalStatus s) => s switch
    {
        GoalStatus.Open => "Nog niet gestart",
        GoalStatus.Loopt => "Loopt",
        GoalStatus.Behaald => "Behaald",
        GoalStatus.DeelsBehaald => "Deels behaald",
        GoalStatus.NietBehaald => "Niet behaald",
        _ => "Vervallen",
    };
}

public static class ActionOwnerKinds
{
    public static readonly IReadOnlyList<ActionOwnerKind> All = Enum.GetValues<ActionOwnerKind>();

    public static string Label(ActionOwnerKind k) => k switch
    {
        ActionOwnerKind.Huishoudlid => "Iemand uit het huishouden",
        ActionOwnerKind.Netwerk => "Iemand uit het netwerk (familie, buren, vrienden)",
        ActionOwnerKind.Vrijwilliger => "Vrijwilliger",
        ActionOwnerKind.Professional => "Professional",
        _ => "Organisatie",
    };

    public static string ShortLabel(ActionOwnerKind k) => k switch
    {
        ActionOwnerKind.Huishoudlid => "eigen kracht",
        ActionOwnerKind.Netwerk => "netwerk",
        ActionOwnerKind.Vrijwilliger => "vrijwilliger",
        ActionOwnerKind.Professional => "professional",
        _ => "organisatie",
    };

    /// <summary>Support from the household, its network or volunteers: the zero line and own strength.</summary>
    public static bool IsInformal(ActionOwnerKind k) => k is ActionOwnerKind.Huishoudlid or ActionOwnerKind.Netwerk or ActionOwnerKind.Vrijwilliger;
}

/// <summary>How the household can give its agreement with the plan. Stored values.</summary>
public static class AgreementWays
{
    public static readonly IReadOnlyList<(string Value, string Label)> All =
        [("ondertekend", "Ondertekend op papier"), ("mondeling", "Mondeling, in het gesprek"), ("digitaal", "Digitaal (e-mail of portaal)")];

    public static IEnumerable<string> Values => All.Select(w => w.Value);

    public static string Label(string value) => All.First(w => w.Value == value).Label;
}
