using Regie.Domain.Common;
using Regie.Domain.Registry;
using System.Globalization;

namespace Regie.Domain.Care;

/// <summary>A safety goal's state. Stored by name.</summary>
public enum SafetyGoalStatus
{
    Open,
    Behaald,
    NietBehaald,
}

/// <summary>Who acts in a safety agreement when danger returns: a household member, a named professional or organisation, or someone else.</summary>
public enum SafetyActorKind
{
    Huishoudlid,
    Professional,
    Anders,
}

/// <summary>How those who keep watch check that the household is safe. Stored by name.</summary>
public enum SafetyCheckMethod
{
    Huisbezoek,
    Telefonisch,
    GesprekMetSchool,
    GesprekMetKind,
    Overleg,
    Anders,
}

/// <summary>The unit of a check's frequency: every N days or every N weeks.</summary>
public enum FrequencyUnit
{
    Dagen,
    Weken,
}

public sealed record SafetyGoalFields(string? Wat, Guid? PersoonId, string? Streefdatum, string? Status);
public sealed record SafetyGoalContent(string Wat, Guid? PersonId, DateOnly Streefdatum, SafetyGoalStatus Status);

public sealed record SafetyArrangementFields(string? Wie, Guid? PersoonId, string? Naam, string? Wat, string? Signaal);
public sealed record SafetyArrangementContent(SafetyActorKind Kind, Guid? PersonId, string Name, string Wat, string Signaal);

public sealed record SafetyCheckFields(string? Wie, string? Hoe, string? Aantal, string? Eenheid, string? VolgendeControle);
public sealed record SafetyCheckContent(string Who, SafetyCheckMethod Method, int Every, FrequencyUnit Unit, DateOnly NextOn);

/// <summary>
/// The rules of the Veilig Verder plan, the safety annex to the household plan: safety goals (what must be safe, for whom, by
/// when), agreements on who does what when danger returns, and who keeps watch, how and how often. Target dates follow the
/// plan's goals (<see cref="PlanRules.CheckTargetDate"/>); the household's agreement follows the plan's agreement.
/// </summary>
public static class VeiligVerderRules
{
    public const string ExistsCode = "veilig-verder-already-started";
    public const string EmptyCode = "veilig-verder-empty";
    public const string GoalWhatRequiredCode = "safety-goal-what-required";
    public const string GoalStatusInvalidCode = "safety-goal-status-invalid";
    public const string ArrangementWhoRequiredCode = "safety-agreement-who-required";
    public const string ArrangementWhatRequiredCode = "safety-agreement-what-required";
    public const string ArrangementSignalRequiredCode = "safety-agreement-signal-required";
    public const string CheckWhoRequiredCode = "safety-check-who-required";
    public const string CheckMethodInvalidCode = "safety-check-method-invalid";
    public const string CheckFrequencyInvalidCode = "safety-check-frequency-invalid";
    public const string CheckDateInvalidCode = "safety-check-date-invalid";
    public const int GoalWhatMaxLength = 1000;
    public const int ActorNameMaxLength = 200;
    public const int ArrangementWhatMaxLength = 1000;
    public const int ArrangementSignalMaxLength = 1000;
    public const int CheckWhoMaxLength = 200;
    /// <summary>Watch kept less often than once a year is no watch.</summary>
    public const int MaxEveryDays = 365;
    public const int MaxEveryWeeks = 52;

    public static DomainError AlreadyStarted() => new(ExistsCode, "", "Dit plan heeft al een Veilig Verder-plan.");

    /// <param name="current">The goal's status and target date before this change; null for a new goal.</param>
    public static SafetyGoalContent? CheckGoal(SafetyGoalFields f, IReadOnlyDictionary<Guid, string> members, (SafetyGoalStatus Status, DateOnly Target)? current,
        DateOnly today, ErrorList errors)
    {
        var count = errors.Errors.Count;
        var wat = errors.Take(TextRules.Optional(f.Wat, "Wat", "wat veilig moet zijn", GoalWhatMaxLength));
        if (string.IsNullOrWhiteSpace(f.Wat)) errors.Add(new DomainError(GoalWhatRequiredCode, "Wat", "Beschrijf wat veilig moet zijn."));
        if (f.PersoonId is { } pid && !members.ContainsKey(pid))
            errors.Add(new DomainError(MembershipRules.NotMemberCode, "PersoonId", "Kies iemand uit het huishouden, of het hele huishouden."));
        var target = PlanRules.CheckTargetDate(f.Streefdatum, today, current?.Target, errors);
        var status = current?.Status ?? SafetyGoalStatus.Open;
        if (!string.IsNullOrEmpty(f.Status) && !(Enum.TryParse(f.Status, out status) && Enum.IsDefined(status)))
            errors.Add(new DomainError(GoalStatusInvalidCode, "Status", "Kies een status uit de lijst."));
        else if (current is { } c && c.Status != SafetyGoalStatus.Open && status != c.Status)
            errors.Add(new DomainError(GoalStatusInvalidCode, "Status",
                $"Dit veiligheidsdoel is al afgerond ({SafetyGoalStatuses.Label(c.Status).ToLowerInvariant()}). Voeg een nieuw doel toe om er opnieuw aan te werken."));
        return errors.Errors.Count > count ? null : new SafetyGoalContent(wat!, f.PersoonId, target!.Value, status);
    }

    /// <summary>Who does what, at which signal. Who is a member of the household now, or a name (a professional, an organisation, someone else).</summary>
    public static SafetyArrangementContent? CheckArrangement(SafetyArrangementFields f, IReadOnlyDictionary<Guid, string> members, ErrorList errors)
    {
        var count = errors.Errors.Count;
        var kind = Enums.ParseDefined<SafetyActorKind>(f.Wie);
        string? name = null;
        Guid? person = null;
        if (kind is null) errors.Add(new DomainError(ArrangementWhoRequiredCode, "Wie", "Kies wie het doet."));
        else if (kind == SafetyActorKind.Huishoudlid)
        {
            if (f.PersoonId is { } pid && members.TryGetValue(pid, out var memberName)) (name, person) = (memberName, pid);
            else errors.Add(new DomainError(MembershipRules.NotMemberCode, "PersoonId", "Kies wie uit het huishouden het doet."));
        }
        else
        {
            name = errors.Take(TextRules.Optional(f.Naam, "Naam", "de naam", ActorNameMaxLength));
            if (string.IsNullOrWhiteSpace(f.Naam))
                errors.Add(new DomainError(ArrangementWhoRequiredCode, "Naam", kind == SafetyActorKind.Professional
                    ? "Vul de naam van de professional of de organisatie in." : "Vul de naam in van wie het doet."));
        }
        var wat = errors.Take(TextRules.Optional(f.Wat, "Wat", "wat er gebeurt", ArrangementWhatMaxLength));
        if (string.IsNullOrWhiteSpace(f.Wat)) errors.Add(new DomainError(ArrangementWhatRequiredCode, "Wat", "Beschrijf wat er dan gebeurt."));
        var signaal = errors.Take(TextRules.Optional(f.Signaal, "Signaal", "het signaal", ArrangementSignalMaxLength));
        if (string.IsNullOrWhiteSpace(f.Signaal))
            errors.Add(new DomainError(ArrangementSignalRequiredCode, "Signaal", "Beschrijf bij welk signaal of wanneer de afspraak geldt."));
        return errors.Errors.Count > count ? null : new SafetyArrangementContent(kind!.Value, person, name!, wat!, signaal!);
    }

    /// <summary>
    /// Who checks, how, how often (every 1 to 365 days or 1 to 52 weeks) and when next. The next check is planned: not in the
    /// past unless it is the unchanged date of an existing check, and plausible (<see cref="DateRules"/>).
    /// </summary>
    public static SafetyCheckContent? CheckCheck(SafetyCheckFields f, DateOnly? previousNext, DateOnly today, ErrorList errors)
    {
        var count = errors.Errors.Count;
        var who = errors.Take(TextRules.Optional(f.Wie, "Wie", "wie controleert", CheckWhoMaxLength));
        if (string.IsNullOrWhiteSpace(f.Wie)) errors.Add(new DomainError(CheckWhoRequiredCode, "Wie", "Vul in wie controleert of het veilig is."));
        var method = Enums.ParseDefined<SafetyCheckMethod>(f.Hoe);
        if (method is null) errors.Add(new DomainError(CheckMethodInvalidCode, "Hoe", "Kies hoe er gecontroleerd wordt."));
        var unit = Enums.ParseDefined<FrequencyUnit>(f.Eenheid);
        if (unit is null) errors.Add(new DomainError(CheckFrequencyInvalidCode, "Eenheid", "Kies dagen of weken."));
        var every = 0;
        var max = unit == FrequencyUnit.Dagen ? MaxEveryDays : MaxEveryWeeks;
        if (!int.TryParse(f.Aantal?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out every) || every < 1 || every > max)
            errors.Add(new DomainError(CheckFrequencyInvalidCode, "Aantal", $"Vul in om de hoeveel {(unit == FrequencyUnit.Dagen ? "dagen" : "weken")}: een heel getal van 1 tot en met {max}."));
        DateOnly? next = null;
        if (string.IsNullOrWhiteSpace(f.VolgendeControle) || !DutchDate.TryParse(f.VolgendeControle, out var date))
            errors.Add(new DomainError(CheckDateInvalidCode, "VolgendeControle", "Vul de datum van de volgende controle in als dd-mm-jjjj."));
        else if (date < today && date != previousNext)
            errors.Add(new DomainError(CheckDateInvalidCode, "VolgendeControle", "De volgende controle ligt in het verleden. Kies een datum vanaf vandaag."));
        else next = DateRules.Plausible(date, DateKind.Planned, today, "VolgendeControle", "de volgende controle", errors);
        return errors.Errors.Count > count ? null : new SafetyCheckContent(who!, method!.Value, every, unit!.Value, next!.Value);
    }

    /// <summary>Who agreed (a member now), when (not in the future, not before the Veilig Verder plan started) and how, as for the plan. An empty plan cannot be agreed.</summary>
    public static AgreementContent? CheckAgreement(AgreementFields f, IReadOnlyDictionary<Guid, string> members, bool hasContent, DateOnly startedOn, DateOnly today,
        ErrorList errors)
    {
        var count = errors.Errors.Count;
        string? name = null;
        if (f.PersoonId is not { } pid || !members.TryGetValue(pid, out name))
            errors.Add(new DomainError(MembershipRules.NotMemberCode, "PersoonId", "Kies wie uit het huishouden akkoord gaf."));
        if (!PlanRules.IsAgreementDate(f.Datum, startedOn, today, out var date))
            errors.Add(new DomainError(PlanRules.AgreementDateInvalidCode, "Datum",
                "Vul de datum van het akkoord in als dd-mm-jjjj: niet in de toekomst en niet voor de start van het Veilig Verder-plan."));
        if (AgreementWays.All.All(w => w.Value != f.Wijze)) errors.Add(new DomainError(PlanRules.WayInvalidCode, "Wijze", "Kies hoe het huishouden akkoord gaf."));
        if (!hasContent)
            errors.Add(new DomainError(EmptyCode, "", "Een Veilig Verder-plan zonder veiligheidsdoelen of afspraken kan niet worden ondertekend. Voeg ze eerst toe."));
        return errors.Errors.Count > count ? null : new AgreementContent(f.PersoonId!.Value, name!, date, f.Wijze!);
    }
}

public static class SafetyGoalStatuses
{
    public static readonly IReadOnlyList<SafetyGoalStatus> All = Enum.GetValues<SafetyGoalStatus>();

    public static string Label(SafetyGoalStatus s) => s switch
    {
        SafetyGoalStatus.Open => "Open",
        SafetyGoalStatus.Behaald => "Behaald",
        _ => "Niet behaald",
    };
}

public static class SafetyVocabulary
{
    public static readonly IReadOnlyList<SafetyActorKind> ActorKinds = Enum.GetValues<SafetyActorKind>();
    public static readonly IReadOnlyList<SafetyCheckMethod> Methods = Enum.GetValues<SafetyCheckMethod>();
    public static readonly IReadOnlyList<FrequencyUnit> Units = Enum.GetValues<FrequencyUnit>();

    public static string Label(SafetyActorKind k) => k switch
    {
        SafetyActorKind.Huishoudlid => "Iemand uit het huishouden",
        SafetyActorKind.Professional => "Een professional of organisatie",
        _ => "Iemand anders (netwerk, buren)",
    };

    public static string Label(SafetyCheckMethod m) => m switch
    {
        SafetyCheckMethod.Huisbezoek => "Huisbezoek",
        SafetyCheckMethod.Telefonisch => "Telefonisch",
        SafetyCheckMethod.GesprekMetSchool => "Gesprek met school",
        SafetyCheckMethod.GesprekMetKind => "Gesprek met het kind",
        SafetyCheckMethod.Overleg => "Overleg met betrokken professionals",
        _ => "Anders",
    };

    public static string Label(FrequencyUnit u) => u == FrequencyUnit.Dagen ? "dagen" : "weken";

    /// <summary>"elke dag", "elke 2 weken".</summary>
    public static string Frequency(int every, FrequencyUnit unit) =>
        every == 1 ? (unit == FrequencyUnit.Dagen ? "elke dag" : "elke week") : $"elke {every} {Label(unit)}";
}
