using Regie.Domain.Common;

namespace Regie.Domain.Care;

/// <summary>The rules a plan's goals and actions obey. Every rule has its own stable code.</summary>
public static partial class PlanRules
{
    public const string GoalWhatRequiredCode = "goal-what-required";
    public const string GoalMeasurableRequiredCode = "goal-measurable-required";
    public const string GoalTargetDateRequiredCode = "goal-target-date-required";
    public const string GoalTargetDateInvalidCode = "goal-target-date-invalid";
    public const string GoalTargetDateInPastCode = "goal-target-date-in-past";
    public const string GoalWhoRequiredCode = "goal-who-required";
    public const string GoalStatusChangeCode = "goal-status-change-invalid";
    public const string ActionDescriptionRequiredCode = "action-description-required";
    public const string ActionOwnerRequiredCode = "action-owner-required";
    public const string ActionOrganisationUnknownCode = "action-organisation-unknown";
    public const string ActionDueDateInvalidCode = "action-due-date-invalid";
    public const string ActionAlreadyDoneCode = "action-already-done";
    public const string EvaluationDateInvalidCode = "evaluation-date-invalid";
    public const string EvaluationDateInPastCode = "evaluation-date-in-past";
    public const string NoActivePlanCode = "plan-not-active";
    public const string PlanExistsCode = "plan-already-active";
    public const string GoalNotFoundCode = "goal-not-found";
    public const string DomainInvalidCode = "goal-domain-invalid";
    public const string WayInvalidCode = "agreement-way-invalid";
    public const string AgreementDateInvalidCode = "agreement-date-invalid";
    public const string EvaluationSummaryRequiredCode = "evaluation-summary-required";
    public const string NoGoalsCode = "plan-has-no-goals";
    public const string RatingInvalidCode = "rating-invalid";
    public const int AfsprakenMaxLength = 4000;
    public const int GoalWhatMaxLength = 1000;
    public const int GoalMeasurableMaxLength = 1000;
    public const int GoalWhoMaxLength = 200;
    public const int GoalExplanationMaxLength = 2000;
    public const int ActionDescriptionMaxLength = 1000;
    public const int ActionOwnerNameMaxLength = 200;
    public const int EvaluationSummaryMaxLength = 4000;
    /// <summary>A target date further away is no longer a target: split the goal.</summary>
    public const int MaxTargetYears = 3;

    /// <summary>
    /// SMART as fields: what (specific), a measurable result, who, and a target date (time-bound). A target date
    /// in the past is only refused for a new goal or a changed date: an existing goal past its date is "late", not invalid.
    /// </summary>
    public static DateOnly? CheckGoal(string? what, string? measurable, string? who, string? targetDate, DateOnly today, DateOnly? previousTarget, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(what)) errors.Add(new DomainError(GoalWhatRequiredCode, "Wat", "Beschrijf wat het doel is."));
        if (string.IsNullOrWhiteSpace(measurable))
            errors.Add(new DomainError(GoalMeasurableRequiredCode, "MeetbaarResultaat", "Beschrijf het meetbare resultaat: waaraan ziet u dat het doel is bereikt?"));
        if (string.IsNullOrWhiteSpace(who)) errors.Add(new DomainError(GoalWhoRequiredCode, "Wie", "Vul in wie aan dit doel werkt."));
        return CheckTargetDate(targetDate, today, previousTarget, errors);
    }

    /// <summary>
    /// A goal's target date: required, within <see cref="MaxTargetYears"/> years, and not in the past unless it is the goal's
    /// unchanged date. Shared by the plan's goals and the Veilig Verder plan's safety goals.
    /// </summary>
    public static DateOnly? CheckTargetDate(string? targetDate, DateOnly today, DateOnly? previousTarget, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(targetDate))
        {
            errors.Add(new DomainError(GoalTargetDateRequiredCode, "Streefdatum", "Vul een streefdatum in, bijvoorbeeld 01-03-2027."));
            return null;
        }
        if (!DutchDate.TryParse(targetDate, out var date) || date > today.AddYears(MaxTargetYears))
        {
            errors.Add(new DomainError(GoalTargetDateInvalidCode, "Streefdatum",
                $"Vul een geldige streefdatum in als dd-mm-jjjj, binnen {MaxTargetYears} jaar. Is het doel groter? Splits het dan in kleinere doelen."));
            return null;
        }
        if (date < today && date != previousTarget)
        {
            errors.Add(new DomainError(GoalTargetDateInPastCode, "Streefdatum", "De streefdatum ligt in het verleden. Kies een datum vanaf vandaag."));
            return null;
        }
        return date;
    }

    /// <summary>A goal that reached an outcome stays there; to work on it again, add a new goal. Any open goal may get an outcome.</summary>
    public static void CheckStatusChange(GoalStatus from, GoalStatus to, ErrorList errors)
    {
        if (from == to) return;
        if (GoalStatuses.IsFinal(from))
            errors.Add(new DomainError(GoalStatusChangeCode, "Status",
                $"Dit doel is al afgerond ({GoalStatuses.Label(from).ToLowerInvariant()}). Voeg een nieuw doel toe om er opnieuw aan te werken."));
        else if (to == GoalStatus.Open && from == GoalStatus.Loopt)
            errors.Add(new DomainError(GoalStatusChangeCode, "Status", "Een doel waaraan al gewerkt wordt, kan niet terug naar 'nog niet gestart'."));
    }

    /// <summary>An action needs a description and who does it; a deadline is optional but, when given, plausible (<see cref="DateRules"/>).</summary>
    public static DateOnly? CheckAction(string? description, ActionOwnerKind? kind, string? ownerName, string? dueDate, DateOnly today, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(description)) errors.Add(new DomainError(ActionDescriptionRequiredCode, "Omschrijving", "Beschrijf de actie."));
        if (kind is null) errors.Add(new DomainError(ActionOwnerRequiredCode, "Uitvoerder", "Kies wie de actie uitvoert."));
        else if (string.IsNullOrWhiteSpace(ownerName))
            errors.Add(new DomainError(ActionOwnerRequiredCode, "Naam", kind switch
            {
                ActionOwnerKind.Huishoudlid => "Kies wie uit het huishouden de actie uitvoert.",
                ActionOwnerKind.Organisatie => "Vul de naam van de organisatie in.",
                ActionOwnerKind.Professional => "Kies of vul in welke professional de actie uitvoert.",
                _ => "Vul de naam in van wie de actie uitvoert.",
            }));
        if (string.IsNullOrWhiteSpace(dueDate)) return null;
        if (!DutchDate.TryParse(dueDate, out var date))
        {
            errors.Add(new DomainError(ActionDueDateInvalidCode, "Deadline", "Vul een geldige datum in als dd-mm-jjjj."));
            return null;
        }
        return DateRules.Plausible(date, DateKind.Planned, today, "Deadline", "de deadline", errors);
    }

    public static DateOnly? CheckEvaluationDate(string? value, DateOnly today, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DutchDate.TryParse(value, out var date) || date > today.AddYears(1))
        {
            errors.Add(new DomainError(EvaluationDateInvalidCode, "Evaluatiedatum", "Vul een geldige evaluatiedatum in als dd-mm-jjjj, binnen een jaar."));
            return null;
        }
        if (date < today)
        {
            errors.Add(new DomainError(EvaluationDateInPastCode, "Evaluatiedatum", "De volgende evaluatie ligt in het verleden. Kies een datum vanaf vandaag."));
            return null;
        }
        return date;
    }
}
