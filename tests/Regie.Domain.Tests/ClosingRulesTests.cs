using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class ClosingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Dictionary<Guid, string> None = [];

    [Fact]
    public void Closing_reads_an_outcome_for_each_open_goal_and_keeps_the_explanations()
    {
        Guid open = Guid.NewGuid(), reached = Guid.NewGuid();
        var fields = new ClosingFields("Anders", " Verhuisd ", new Dictionary<Guid, string> { [open] = "NietBehaald", [reached] = "Vervallen" },
            new Dictionary<Guid, string> { [reached] = "Werkt nu", [open] = " " });
        var closing = ClosingRules.CheckClosing(fields, [(open, "Schulden", GoalStatus.Loopt), (reached, "Werk", GoalStatus.Behaald)], Today, Today, new ErrorList())!;
        Assert.Equal((ClosingReason.Anders, "Verhuisd"), (closing.Reason, closing.Note));
        Assert.Equal([(open, GoalStatus.NietBehaald)], closing.Outcomes.Select(o => (o.Key, o.Value)));
        Assert.Equal([(reached, "Werkt nu")], closing.Explanations.Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void Closing_with_an_unknown_reason_a_status_that_is_no_outcome_or_a_long_explanation_is_refused_in_form_order()
    {
        var goal = Guid.NewGuid();
        var fields = new ClosingFields("Verhuisd", new string('x', ClosingRules.NoteMaxLength + 1), new Dictionary<Guid, string> { [goal] = "Loopt" },
            new Dictionary<Guid, string> { [goal] = new string('y', PlanRules.GoalExplanationMaxLength + 1) });
        var errors = new ErrorList();
        Assert.Null(ClosingRules.CheckClosing(fields, [(goal, "Werk", GoalStatus.Open)], null, Today, errors));
        Assert.Equal([(TextRules.TooLongCode, "Toelichting"), (ClosingRules.ReasonRequiredCode, "Reden"), (ClosingRules.OutcomeRequiredCode, $"Uitkomsten[{goal}]"),
                (ClosingRules.FinalAssessmentRequiredCode, "Eindmeting"), (TextRules.TooLongCode, $"UitkomstToelichting[{goal}]")],
            errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void A_new_trajectory_needs_a_reason_and_no_open_one()
    {
        var errors = new ErrorList();
        Assert.Equal("Nieuwe huurachterstand", ClosingRules.CheckReopening(" Nieuwe huurachterstand ", false, errors));
        Assert.False(errors.HasErrors);

        Assert.Null(ClosingRules.CheckReopening("  ", true, errors));
        Assert.Equal([(ClosingRules.ReopenReasonRequiredCode, "Aanleiding"), (ClosingRules.AlreadyOpenCode, "")], errors.Errors.Select(e => (e.Code, e.Field)));

        errors = new ErrorList();
        Assert.Null(ClosingRules.CheckReopening(new string('x', ClosingRules.ReopenReasonMaxLength + 1), false, errors));
        Assert.Equal([TextRules.TooLongCode], errors.Errors.Select(e => e.Code));
    }
}
