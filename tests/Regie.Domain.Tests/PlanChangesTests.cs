using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

/// <summary>Each rule of a change to a plan refuses with its own code, field and Dutch message; a valid change passes whole.</summary>
public sealed class PlanChangesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly Started = new(2026, 10, 1);
    private static readonly Guid Sanne = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Members = new() { [Sanne] = "Sanne Jansen" };

    private static DomainError Single(Func<ErrorList, object?> check)
    {
        var errors = new ErrorList();
        Assert.Null(check(errors));
        return Assert.Single(errors.Errors);
    }

    private static void Refused(DomainError error, string code, string field, string message) => Assert.Equal((code, field, message), (error.Code, error.Field, error.Message));

    private static GoalFields Goal(string? domain = "Financien", Guid? person = null, string? status = null, string? target = "22-02-2027") =>
        new(domain, person, " Geen huurschuld ", "Achterstand is nul", target, "Sanne", status, null);

    [Fact]
    public void A_second_active_plan_is_refused()
    {
        Refused(PlanRules.CheckCanStart(true)!, PlanRules.PlanExistsCode, "", "Dit huishouden heeft al een actief plan. Eén huishouden, één plan.");
        Assert.Null(PlanRules.CheckCanStart(false));
        Refused(PlanRules.NoActivePlan(), PlanRules.NoActivePlanCode, "", "Dit huishouden heeft geen actief plan. Start eerst een plan.");
    }

    [Fact]
    public void Plan_agreements_evaluation_date_and_frameworks_are_checked_and_an_unchanged_past_date_is_kept()
    {
        Refused(Single(e => PlanRules.CheckPlan(new PlanFields(new string('a', PlanRules.AfsprakenMaxLength + 1), null, []), null, Today, e)),
            TextRules.TooLongCode, "Afspraken", $"De afspraken mag maximaal {PlanRules.AfsprakenMaxLength} tekens lang zijn (nu {PlanRules.AfsprakenMaxLength + 1}).");
        Assert.Equal(PlanRules.EvaluationDateInPastCode, Single(e => PlanRules.CheckPlan(new PlanFields(null, "01-11-2026", []), null, Today, e)).Code);
        Assert.Equal(LegalFrameworks.InvalidCode, Single(e => PlanRules.CheckPlan(new PlanFields(null, null, ["Geen"]), null, Today, e)).Code);

        var past = new DateOnly(2026, 11, 1);
        var kept = PlanRules.CheckPlan(new PlanFields(" Elke week ", "01-11-2026", ["Wgs"]), past, Today, new ErrorList());
        Assert.Equal(new PlanContent("Elke week", past, "Wgs"), kept);
    }

    [Fact]
    public void A_goal_needs_a_known_life_domain_and_a_member_of_the_household()
    {
        Refused(Single(e => PlanRules.CheckGoalChange(Goal(domain: "Geluk"), Members, null, Today, e)),
            PlanRules.DomainInvalidCode, "Leefgebied", "Kies het leefgebied van het doel.");
        Refused(Single(e => PlanRules.CheckGoalChange(Goal(person: Guid.NewGuid()), Members, null, Today, e)),
            MembershipRules.NotMemberCode, "PersoonId", "Kies iemand uit het huishouden, of het hele huishouden.");
        Refused(Single(e => PlanRules.CheckGoalChange(Goal(status: "Klaar"), Members, null, Today, e)),
            PlanRules.GoalStatusChangeCode, "Status", "Kies een status uit de lijst.");
    }

    [Fact]
    public void A_goal_with_an_outcome_stays_there_and_one_under_way_does_not_go_back()
    {
        Refused(Single(e => PlanRules.CheckGoalChange(Goal(status: "Loopt"), Members, (GoalStatus.Behaald, Today), Today, e)),
            PlanRules.GoalStatusChangeCode, "Status", "Dit doel is al afgerond (behaald). Voeg een nieuw doel toe om er opnieuw aan te werken.");
        Refused(Single(e => PlanRules.CheckGoalChange(Goal(status: "Open"), Members, (GoalStatus.Loopt, Today), Today, e)),
            PlanRules.GoalStatusChangeCode, "Status", "Een doel waaraan al gewerkt wordt, kan niet terug naar 'nog niet gestart'.");
    }

    [Fact]
    public void A_valid_goal_is_trimmed_and_an_existing_past_target_date_is_kept()
    {
        var past = new DateOnly(2026, 11, 1);
        var goal = PlanRules.CheckGoalChange(Goal(person: Sanne, status: "Loopt", target: "01-11-2026"), Members, (GoalStatus.Open, past), Today, new ErrorList());
        Assert.Equal(new GoalContent(ZrmDomain.Financien, Sanne, "Geen huurschuld", "Achterstand is nul", past, "Sanne", GoalStatus.Loopt, null), goal);
        Assert.Equal(GoalStatus.Open, PlanRules.CheckGoalChange(Goal(), Members, null, Today, new ErrorList())!.Status);
    }

    private static ActionFields Action(string kind = "Netwerk", string? name = "Oma Jansen", Guid? goal = null, Guid? person = null, string? colleague = null) =>
        new(goal, "Oma past op dinsdag op", kind, name, person, colleague, "01-12-2026");

    [Fact]
    public void An_action_names_a_goal_of_the_plan_and_an_owner_the_plan_may_name()
    {
        Refused(Single(e => PlanRules.CheckActionChange(Action(goal: Guid.NewGuid()), _ => false, Members, null, Today, e)),
            PlanRules.GoalNotFoundCode, "DoelId", "Kies een doel uit dit plan.");
        // Someone outside the household is no owner either: both are said.
        var outsider = new ErrorList();
        Assert.Null(PlanRules.CheckActionChange(Action("Huishoudlid", null, person: Guid.NewGuid()), _ => true, Members, null, Today, outsider));
        Refused(outsider.Errors[0], MembershipRules.NotMemberCode, "PersoonId", "Kies iemand uit het huishouden.");
        Assert.Equal([MembershipRules.NotMemberCode, PlanRules.ActionOwnerRequiredCode], outsider.Errors.Select(e => e.Code));
        var unknown = new ErrorList();
        Assert.Null(PlanRules.CheckActionChange(Action("Professional", null, colleague: "u-1"), _ => true, Members, null, Today, unknown));
        Refused(unknown.Errors[0], PlanRules.ActionOwnerRequiredCode, "MedewerkerId", "Kies een medewerker uit de lijst.");
        Assert.Equal(["MedewerkerId", "Naam"], unknown.Errors.Select(e => e.Field));
        Refused(Single(e => PlanRules.CheckActionChange(Action("Huishoudlid", null), _ => true, Members, null, Today, e)),
            PlanRules.ActionOwnerRequiredCode, "Naam", "Kies wie uit het huishouden de actie uitvoert.");
    }

    [Fact]
    public void A_valid_action_has_its_owner_by_name()
    {
        var goal = Guid.NewGuid();
        Assert.Equal(new ActionContent(goal, "Oma past op dinsdag op", ActionOwnerKind.Huishoudlid, "Sanne Jansen", Sanne, null, new DateOnly(2026, 12, 1)),
            PlanRules.CheckActionChange(Action("Huishoudlid", null, goal, Sanne), id => id == goal, Members, null, Today, new ErrorList()));
        Assert.Equal(("Fatima de Regisseur", "u-1"), PlanRules.CheckActionChange(Action("Professional", null, colleague: "u-1"), _ => true, Members, "Fatima de Regisseur", Today,
            new ErrorList()) is { } c ? (c.OwnerName, c.OwnerUserId) : default);
    }

    [Fact]
    public void An_action_is_completed_once()
    {
        Refused(PlanRules.CheckCompletion(Today)!, PlanRules.ActionAlreadyDoneCode, "", "Deze actie is al afgerond.");
        Assert.Null(PlanRules.CheckCompletion(null));
    }

    [Theory]
    [InlineData("23-11-2026")]
    [InlineData("30-09-2026")]
    [InlineData("31-02-2026")]
    public void An_agreement_is_not_dated_in_the_future_or_before_the_plan(string date) =>
        Refused(Single(e => PlanRules.CheckAgreement(new AgreementFields(Sanne, date, "mondeling"), Members, true, Started, Today, e)),
            PlanRules.AgreementDateInvalidCode, "Datum", "Vul de datum van het akkoord in als dd-mm-jjjj: niet in de toekomst en niet voor de start van het plan.");

    [Fact]
    public void An_agreement_is_given_by_a_member_in_a_known_way_on_a_plan_with_goals()
    {
        Refused(Single(e => PlanRules.CheckAgreement(new AgreementFields(null, null, "mondeling"), Members, true, Started, Today, e)),
            MembershipRules.NotMemberCode, "PersoonId", "Kies wie uit het huishouden akkoord gaf.");
        Refused(Single(e => PlanRules.CheckAgreement(new AgreementFields(Sanne, null, "per fax"), Members, true, Started, Today, e)),
            PlanRules.WayInvalidCode, "Wijze", "Kies hoe het huishouden akkoord gaf.");
        Refused(Single(e => PlanRules.CheckAgreement(new AgreementFields(Sanne, null, "mondeling"), Members, false, Started, Today, e)),
            PlanRules.NoGoalsCode, "", "Een plan zonder doelen kan niet worden ondertekend. Voeg eerst doelen toe.");
        Assert.Equal(new AgreementContent(Sanne, "Sanne Jansen", Today, "digitaal"),
            PlanRules.CheckAgreement(new AgreementFields(Sanne, "", "digitaal"), Members, true, Started, Today, new ErrorList()));
        Assert.Equal(Started, PlanRules.CheckAgreement(new AgreementFields(Sanne, "01-10-2026", "ondertekend"), Members, true, Started, Today, new ErrorList())!.AgreedOn);
    }

    [Fact]
    public void An_evaluation_has_a_plausible_date_a_summary_and_perhaps_a_mark_of_one_to_ten()
    {
        Refused(Single(e => PlanRules.CheckEvaluation(new EvaluationFields("23-11-2026", "Goed gesprek", null, null), Started, Today, e)),
            PlanRules.EvaluationDateInvalidCode, "Datum", "Vul de datum van de evaluatie in als dd-mm-jjjj: niet in de toekomst en niet voor de start van het plan.");
        Refused(Single(e => PlanRules.CheckEvaluation(new EvaluationFields(null, " ", null, null), Started, Today, e)),
            PlanRules.EvaluationSummaryRequiredCode, "Samenvatting", "Schrijf kort op wat de evaluatie opleverde.");
        Assert.Equal(TextRules.TooLongCode, Single(e => PlanRules.CheckEvaluation(new EvaluationFields(null, new string('a', PlanRules.EvaluationSummaryMaxLength + 1), null, null), Started, Today, e)).Code);
        Assert.Equal(PlanRules.EvaluationDateInPastCode, Single(e => PlanRules.CheckEvaluation(new EvaluationFields(null, "Goed", "01-11-2026", null), Started, Today, e)).Code);
        foreach (var mark in new[] { "0", "11", "7.5", "-3", "acht" })
            Refused(Single(e => PlanRules.CheckEvaluation(new EvaluationFields(null, "Goed", null, mark), Started, Today, e)),
                PlanRules.RatingInvalidCode, "Cijfer", "Vul een heel cijfer van 1 tot en met 10 in, of laat het leeg.");
        Assert.Equal(new EvaluationContent(Today, "Goed gesprek", new DateOnly(2027, 1, 5), 8),
            PlanRules.CheckEvaluation(new EvaluationFields(null, " Goed gesprek ", "05-01-2027", " 8 "), Started, Today, new ErrorList()));
    }

    [Fact]
    public void The_ways_of_agreeing_have_labels()
    {
        Assert.Equal(["ondertekend", "mondeling", "digitaal"], AgreementWays.Values);
        Assert.Equal("Mondeling, in het gesprek", AgreementWays.Label("mondeling"));
    }
}
