using Regie.Domain.Common;

namespace Regie.Domain.Care;

/// <summary>The closing form as typed: the reason, a note, an outcome per open goal and an explanation per goal (goal id → text).</summary>
public sealed record ClosingFields(string? Reden, string? Toelichting, IReadOnlyDictionary<Guid, string> Uitkomsten, IReadOnlyDictionary<Guid, string> UitkomstToelichting);

/// <summary>A closing that passed the rules: an outcome for every goal that had none, and the explanations given.</summary>
public sealed record ClosingContent(ClosingReason Reason, string? Note, IReadOnlyDictionary<Guid, GoalStatus> Outcomes, IReadOnlyDictionary<Guid, string> Explanations);

/// <summary>What closing a trajectory needs: an outcome for every goal, a final ZRM assessment and the reason; and what starting a new one needs.</summary>
public static class ClosingRules
{
    public const string ReasonRequiredCode = "closing-reason-required";
    public const string OutcomeRequiredCode = "closing-goal-outcome-required";
    public const string FinalAssessmentRequiredCode = "closing-final-zrm-required";
    public const string NoteRequiredCode = "closing-note-required";
    public const string NotOpenCode = "trajectory-not-open";
    public const string AlreadyOpenCode = "trajectory-already-open";
    public const string ReopenReasonRequiredCode = "reopen-reason-required";
    public const int NoteMaxLength = 4000;
    public const int ReopenReasonMaxLength = 1000;

    public static DomainError OutcomeRequired(Guid goalId, string label) =>
        new(OutcomeRequiredCode, $"Uitkomsten[{goalId}]", $"Kies de uitkomst van het doel '{label}'.");

    public static DomainError NotOpen() => new(NotOpenCode, "", "Dit huishouden heeft geen open traject.");

    /// <summary>
    /// Reads and checks the closing form against the plan's goals (id, text, status): every goal without an outcome gets
    /// one, the explanations fit. Null with the broken rules in <paramref name="errors"/>, in the order the form shows them.
    /// </summary>
    public static ClosingContent? CheckClosing(ClosingFields fields, IEnumerable<(Guid GoalId, string Label, GoalStatus Status)> goals,
        DateOnly? latestAssessment, DateOnly today, ErrorList errors)
    {
        var reason = Enums.ParseDefined<ClosingReason>(fields.Reden);
        var note = errors.Take(TextRules.Optional(fields.Toelichting, "Toelichting", "de toelichting", NoteMaxLength));
        var outcomes = goals.Where(g => !GoalStatuses.IsFinal(g.Status))
            .Select(g => (g.GoalId, g.Label, Outcome: Enums.ParseDefined<GoalStatus>(fields.Uitkomsten.GetValueOrDefault(g.GoalId))))
            .ToList();
        Check(reason, note, outcomes, latestAssessment, today, errors);
        var explanations = new Dictionary<Guid, string>();
        foreach (var (id, text) in fields.UitkomstToelichting)
            if (errors.Take(TextRules.Optional(text, $"UitkomstToelichting[{id}]", "de toelichting bij het doel", PlanRules.GoalExplanationMaxLength)) is { } explanation)
                explanations[id] = explanation;
        if (errors.HasErrors) return null;
        return new ClosingContent(reason!.Value, note, outcomes.ToDictionary(o => o.GoalId, o => o.Outcome!.Value), explanations);
    }

    /// <summary>
    /// A new trajectory needs the reason the household gets support again, and no open one beside it (a closed trajectory
    /// is never reopened). Returns the reason, or null with the broken rules in <paramref name="errors"/>.
    /// </summary>
    public static string? CheckReopening(string? reason, bool hasOpenTrajectory, ErrorList errors)
    {
        var before = errors.Errors.Count;
        var text = errors.Take(TextRules.Optional(reason, "Aanleiding", "de aanleiding", ReopenReasonMaxLength));
        if (text is null && errors.Errors.Count == before)
            errors.Add(new DomainError(ReopenReasonRequiredCode, "Aanleiding", "Beschrijf waarom het huishouden opnieuw ondersteuning krijgt."));
        if (hasOpenTrajectory) errors.Add(new DomainError(AlreadyOpenCode, "", "Dit huishouden heeft al een open traject."));
        return errors.Errors.Count > before ? null : text;
    }

    /// <param name="goalOutcomes">Every goal that has no outcome yet, with the outcome chosen in the closing form (null when none).</param>
    /// <param name="latestAssessment">The newest ZRM assessment of a member since the trajectory opened, if any.</param>
    public static void Check(ClosingReason? reason, string? note, IReadOnlyList<(Guid GoalId, string Label, GoalStatus? Outcome)> goalOutcomes,
        DateOnly? latestAssessment, DateOnly today, ErrorList errors)
    {
        if (reason is null) errors.Add(new DomainError(ReasonRequiredCode, "Reden", "Kies de reden van afsluiten."));
        else if (reason == ClosingReason.Anders && string.IsNullOrWhiteSpace(note))
            errors.Add(new DomainError(NoteRequiredCode, "Toelichting", "Licht toe waarom het traject wordt afgesloten."));
        foreach (var (goalId, label, outcome) in goalOutcomes)
        {
            if (outcome is null || !GoalStatuses.IsFinal(outcome.Value))
                errors.Add(OutcomeRequired(goalId, label));
        }
        // The ZRM scores the current situation: the end measurement must be recent, like any assessment.
        if (latestAssessment is null || latestAssessment < today.AddDays(-Assessment.Zrm.MaxAgeDays))
            errors.Add(new DomainError(FinalAssessmentRequiredCode, "Eindmeting",
                $"Leg eerst een eindmeting (ZRM) vast van minstens één lid van het huishouden; die mag niet ouder zijn dan {Assessment.Zrm.MaxAgeDays} dagen."));
    }
}

/// <summary>Settings for the team lead's list of households that are stuck or open too long.</summary>
public sealed record StuckSettings(int NoProgressWeeks, int MaxOpenWeeksWithoutReferral);

public enum StuckReason
{
    GeenVoortgang,
    TeLangZonderVerwijzing,
    /// <summary>A referral is past its follow-up date without an answer or a start.</summary>
    VerwijzingTeLaat,
}

/// <summary>
/// The bottleneck of the articles: teams hold households too long instead of referring, and nobody
/// notices a file where nothing moves. Pure, so every boundary is tested without a database.
/// </summary>
public static class StuckRules
{
    /// <param name="lastProgress">The last goal status change, action done or evaluation; the opening when there was none.</param>
    /// <param name="overdueReferrals">Referrals past their follow-up date (<c>ReferralRules.IsOverdue</c>).</param>
    public static IReadOnlyList<StuckReason> Evaluate(DateOnly openedOn, DateOnly? lastProgress, bool hasReferral, DateOnly today, StuckSettings settings, int overdueReferrals = 0)
    {
        var reasons = new List<StuckReason>(3);
        var progress = lastProgress is { } p && p > openedOn ? p : openedOn;
        if (progress < today.AddDays(-7 * settings.NoProgressWeeks)) reasons.Add(StuckReason.GeenVoortgang);
        if (!hasReferral && openedOn < today.AddDays(-7 * settings.MaxOpenWeeksWithoutReferral)) reasons.Add(StuckReason.TeLangZonderVerwijzing);
        if (overdueReferrals > 0) reasons.Add(StuckReason.VerwijzingTeLaat);
        return reasons;
    }

    public static string Label(StuckReason r, StuckSettings s) => r switch
    {
        StuckReason.GeenVoortgang => $"Geen voortgang in {s.NoProgressWeeks} weken",
        StuckReason.VerwijzingTeLaat => "Verwijzing over de opvolgdatum",
        _ => $"Langer dan {s.MaxOpenWeeksWithoutReferral} weken open zonder verwijzing",
    };
}
