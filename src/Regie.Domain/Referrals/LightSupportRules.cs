using Regie.Domain.Common;

namespace Regie.Domain.Referrals;

/// <summary>Kinds of light support a team can start at once, without a decision. Stored by name.</summary>
public enum LightSupportKind
{
    Begeleiding,
    PraktischeHulp,
    Opvoedondersteuning,
    Administratie,
    Ontmoeting,
}

/// <summary>What the municipality allows: whether teams may start light support at all, which kinds, and for how long at most.</summary>
public sealed record LightSupportSettings(bool Allowed, int MaxWeeks, IReadOnlyList<LightSupportKind> Kinds)
{
    /// <summary>The Utrecht model as a default: allowed, every kind, at most a quarter of a year (13 weeks).</summary>
    public static LightSupportSettings Default { get; } = new(true, 13, LightSupportRules.AllKinds);

    public string KindsToStored() => string.Join(",", Kinds);

    public static IReadOnlyList<LightSupportKind> ParseKinds(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Enums.ParseDefined<LightSupportKind>).OfType<LightSupportKind>().Distinct().ToList();
}

/// <summary>What the team plans when it starts light support, as read by <see cref="LightSupportRules.ReadStart"/>.</summary>
/// <param name="Description">What the support is; null only when the input was refused.</param>
public sealed record PlannedLightSupport(string? Description, LightSupportKind? Kind, DateOnly Start, DateOnly PlannedEnd);

/// <summary>
/// Light support without an indication (the Utrecht model): where the municipality allows it the team starts
/// it at once as an intervention in the plan, with a start, a planned end and who delivers it. Above the
/// municipality's limits it needs a decision instead.
/// </summary>
public static class LightSupportRules
{
    public const string NotAllowedCode = "light-support-not-allowed";
    public const string KindNotAllowedCode = "light-support-kind-not-allowed";
    public const string TooLongCode = "light-support-too-long";
    public const string DatesInvalidCode = "light-support-dates-invalid";
    public const string WhatRequiredCode = "light-support-what-required";
    public const string DelivererRequiredCode = "light-support-deliverer-required";
    public const string OutcomeRequiredCode = "light-support-outcome-required";
    public const string AlreadyEndedCode = "light-support-already-ended";
    public const string SettingsInvalidCode = "light-support-settings-invalid";
    public const string GoalNotFoundCode = "light-support-goal-not-found";
    public const string KindInvalidCode = "light-support-kind-invalid";
    public const string PersonNotMemberCode = "light-support-person-not-member";
    public const int DescriptionMaxLength = 1000;
    public const int OutcomeMaxLength = 2000;

    /// <summary>No municipality allows more than a year without a decision; a longer setting is a typing error.</summary>
    public const int MaxWeeksLimit = 52;

    public static readonly IReadOnlyList<LightSupportKind> AllKinds = Enum.GetValues<LightSupportKind>();

    public static string Label(LightSupportKind kind) => kind switch
    {
        LightSupportKind.Begeleiding => "Kortdurende begeleiding",
        LightSupportKind.PraktischeHulp => "Praktische hulp thuis",
        LightSupportKind.Opvoedondersteuning => "Opvoedondersteuning",
        LightSupportKind.Administratie => "Hulp bij de administratie",
        _ => "Ontmoeting en dagbesteding",
    };

    /// <summary>Checks a start against the municipality's settings; returns nothing when it may start.</summary>
    public static void CheckStart(LightSupportSettings settings, LightSupportKind? kind, DateOnly start, DateOnly plannedEnd, ErrorList errors)
    {
        if (!settings.Allowed)
        {
            errors.Add(new DomainError(NotAllowedCode, "",
                "De gemeente staat lichte ondersteuning zonder beschikking niet toe. Vraag een maatwerkvoorziening aan."));
            return;
        }
        if (kind is { } k && !settings.Kinds.Contains(k))
            errors.Add(new DomainError(KindNotAllowedCode, "Soort", $"{Label(k)} mag de gemeente niet zonder beschikking. Kies een andere soort of vraag een maatwerkvoorziening aan."));
        if (plannedEnd < start)
            errors.Add(new DomainError(DatesInvalidCode, "Einddatum", "De geplande einddatum ligt voor de startdatum."));
        else if (plannedEnd.DayNumber - start.DayNumber > settings.MaxWeeks * 7)
            errors.Add(new DomainError(TooLongCode, "Einddatum",
                $"Lichte ondersteuning duurt hoogstens {settings.MaxWeeks} weken (tot en met {DutchDate.Format(start.AddDays(settings.MaxWeeks * 7))}). Voor langer is een beschikking nodig."));
    }

    /// <summary>
    /// The end date of light support that started on <paramref name="start"/>: the chosen date (not before the start and
    /// not in the future) or, when none is chosen, today — so support that has not started yet can still be stopped.
    /// Null with the errors when it may not end.
    /// </summary>
    public static DateOnly? CheckEnd(bool alreadyEnded, DateOnly start, string? chosen, DateOnly today, ErrorList errors)
    {
        var ended = today;
        if (alreadyEnded) errors.Add(new DomainError(AlreadyEndedCode, "", "Deze ondersteuning is al beëindigd."));
        if (!string.IsNullOrWhiteSpace(chosen) && (!DutchDate.TryParse(chosen, out ended) || ended < start || ended > today))
            errors.Add(new DomainError(DatesInvalidCode, "Einddatum", "Vul de einddatum in als dd-mm-jjjj: niet voor de start en niet in de toekomst."));
        return errors.HasErrors ? null : ended;
    }

    /// <summary>
    /// The input of a start: a description (required), an optional kind, a start (empty is <paramref name="today"/>) and a planned end,
    /// both plausible planned dates. The errors say what is wrong; the municipality's limits follow in <see cref="CheckLimits"/>.
    /// </summary>
    public static PlannedLightSupport ReadStart(string? description, string? kind, string? start, string? plannedEnd, DateOnly today, ErrorList errors)
    {
        var what = errors.Take(TextRules.Required(description, "Omschrijving", "de omschrijving", DescriptionMaxLength,
            WhatRequiredCode, "Beschrijf kort welke ondersteuning er komt."));
        LightSupportKind? parsed = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            parsed = Enums.ParseDefined<LightSupportKind>(kind);
            if (parsed is null) errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies een soort uit de lijst."));
        }
        var from = today;
        if (!string.IsNullOrWhiteSpace(start) && !DutchDate.TryParse(start, out from))
            errors.Add(new DomainError(DatesInvalidCode, "Startdatum", "Vul de startdatum in als dd-mm-jjjj."));
        else errors.Add(DateRules.Check(from, DateKind.Planned, today, "Startdatum", "de startdatum"));
        if (!DutchDate.TryParse(plannedEnd, out var end))
            errors.Add(new DomainError(DatesInvalidCode, "Einddatum", "Vul de geplande einddatum in als dd-mm-jjjj."));
        else errors.Add(DateRules.Check(end, DateKind.Planned, today, "Einddatum", "de geplande einddatum"));
        return new PlannedLightSupport(what, parsed, from, end);
    }

    /// <summary>The goal named is not one of the household's active plan.</summary>
    public static DomainError GoalNotFound() => new(GoalNotFoundCode, "DoelId", "Kies het doel in het plan waarvoor de ondersteuning is.");

    /// <summary>
    /// Who gives the support was not found: the team member chosen (<paramref name="staffChosen"/>), else the organisation
    /// chosen (<paramref name="organisationChosen"/>), else nobody was chosen.
    /// </summary>
    public static DomainError DelivererMissing(bool staffChosen, bool organisationChosen) =>
        staffChosen ? new(DelivererRequiredCode, "MedewerkerId", "Kies een medewerker uit de lijst.")
        : organisationChosen ? new(DelivererRequiredCode, "OrganisatieId", "Kies een organisatie uit de lijst.")
        : new(DelivererRequiredCode, "MedewerkerId", "Kies wie de ondersteuning geeft: een medewerker van het team of een organisatie.");

    /// <summary>The person named is not a current member of the household.</summary>
    public static DomainError PersonNotMember() => new(PersonNotMemberCode, "PersoonId", "Kies iemand uit het huishouden, of het hele huishouden.");

    /// <summary>The municipality's limits (<see cref="CheckStart"/>) for what was planned; dates that could not be read are not measured.</summary>
    public static void CheckLimits(LightSupportSettings settings, PlannedLightSupport planned, ErrorList errors)
    {
        if (!errors.Errors.Any(e => e.Code is DatesInvalidCode or DateRules.TooEarlyCode or DateRules.TooLateCode))
            CheckStart(settings, planned.Kind, planned.Start, planned.PlannedEnd, errors);
    }

    /// <summary>The municipality's settings as the admin sets them: kinds by name, each checked. Null with the errors when refused.</summary>
    public static LightSupportSettings? ReadSettings(bool allowed, int maxWeeks, IEnumerable<string> kinds, ErrorList errors)
    {
        var before = errors.Errors.Count;
        var parsed = new List<LightSupportKind>();
        foreach (var s in kinds)
            if (Enums.ParseDefined<LightSupportKind>(s) is { } k) parsed.Add(k);
            else errors.Add(new DomainError(KindInvalidCode, "Soorten", "Kies soorten uit de lijst."));
        CheckSettings(maxWeeks, parsed, allowed, errors);
        return errors.Errors.Count > before ? null : new LightSupportSettings(allowed, maxWeeks, parsed.Distinct().ToList());
    }

    public static void CheckSettings(int maxWeeks, IReadOnlyCollection<LightSupportKind> kinds, bool allowed, ErrorList errors)
    {
        if (maxWeeks < 1 || maxWeeks > MaxWeeksLimit)
            errors.Add(new DomainError(SettingsInvalidCode, "MaxWeken", $"Vul een maximale duur in van 1 tot en met {MaxWeeksLimit} weken."));
        if (allowed && kinds.Count == 0)
            errors.Add(new DomainError(SettingsInvalidCode, "Soorten", "Kies minstens één soort lichte ondersteuning, of sta haar niet toe."));
    }
}
