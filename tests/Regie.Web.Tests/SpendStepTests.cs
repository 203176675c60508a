using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>The spend's own steps, without a database: every status against every step, and what each step books.</summary>
public sealed class SpendStepTests
{
    private static readonly DateTime At = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(At);
    private static readonly BudgetActor Prof = new("prof", "Fatima");
    private static readonly SpendDecider System = new(new BudgetActor("systeem", "Systeem"), SpendDeciderRole.System);

    private static readonly LegalFramework[] Laws = [LegalFramework.Wgs, LegalFramework.Participatiewet];

    private static Spend New(decimal amount = 800m, ApprovalLevel level = ApprovalLevel.Teamleider) => Spend.Request(
        new Household { Id = Guid.NewGuid(), Gemeentecode = "0000", Naam = "Bakker", Postcode = "9911AA", Woonplaats = "Voorbeeld" },
        new TeamBudget { Id = Guid.NewGuid(), Gemeentecode = "0000", TeamId = Guid.NewGuid(), Year = 2026 },
        (Guid.NewGuid(), ZrmDomain.Financien), InterventionKind.Huurachterstand, "Huurachterstand", "Voorkomt uitzetting", amount, Laws, Laws, level, Prof,
        At.AddDays(-1), null, null);

    [Fact]
    public void A_spend_is_requested_once_with_what_was_asked_for_at_version_one()
    {
        var household = new Household { Id = Guid.NewGuid(), Gemeentecode = "0344", Naam = "Bakker", Postcode = "9911AA", Woonplaats = "Voorbeeld" };
        var budget = new TeamBudget { Id = Guid.NewGuid(), Gemeentecode = "0344", TeamId = Guid.NewGuid(), Year = 2026 };
        var goal = Guid.NewGuid();
        var spend = Spend.Request(household, budget, (goal, ZrmDomain.Huisvesting), InterventionKind.Vervoer, "Fiets", "Nieuwe baan", 249m,
            [LegalFramework.Wgs, LegalFramework.Wmo2015, LegalFramework.Wgs], [LegalFramework.Participatiewet], ApprovalLevel.Mandaat,
            new BudgetActor(new string('p', 100), new string('F', 300)), At, "{}", 12m);
        Assert.Equal(("0344", household.Id, budget.TeamId, budget.Id, goal, ZrmDomain.Huisvesting, InterventionKind.Vervoer, "Fiets", "Nieuwe baan", 249m),
            (spend.Gemeentecode, spend.HouseholdId, spend.TeamId, spend.BudgetId, spend.GoalId, spend.Domain, spend.Kind, spend.Description, spend.Justification, spend.Amount));
        Assert.Equal(("Wmo2015,Wgs", "Participatiewet", ApprovalLevel.Mandaat, SpendStatus.Aangevraagd, At, "{}", (decimal?)12m, 1),
            (spend.Frameworks, spend.SuggestedFrameworks, spend.Level, spend.Status, spend.RequestedAt, spend.Comparison, spend.AvoidedEstimate, spend.Version));
        Assert.Equal((Spend.ActorIdMaxLength, Spend.ActorNameMaxLength), (spend.RequestedBy.Length, spend.RequestedByName.Length));
        Assert.NotEqual(Guid.Empty, spend.Id);
    }

    private static Spend InStatus(SpendStatus status)
    {
        var s = New();
        if (status is SpendStatus.Goedgekeurd or SpendStatus.Betaald) Assert.False(s.Approve(System, null, At).IsRefused);
        if (status == SpendStatus.Betaald) Assert.False(s.Pay("800", "02-03-2026", "Verhuurder", Prof, Today, At).IsRefused);
        if (status == SpendStatus.Afgewezen) Assert.False(s.Refuse(System, "Eerst een regeling", At).IsRefused);
        if (status == SpendStatus.Geannuleerd) Assert.False(s.Cancel("Familie betaalt", Prof, At).IsRefused);
        Assert.Equal(status, s.Status);
        return s;
    }

    private static SpendStep Take(Spend s, SpendAction action) => action switch
    {
        SpendAction.Approve => s.Approve(System, null, At),
        SpendAction.Refuse => s.Refuse(System, "Te duur", At),
        SpendAction.Pay => s.Pay("800", "02-03-2026", "Verhuurder", Prof, Today, At),
        _ => s.Cancel("Niet meer nodig", Prof, At),
    };

    [Fact]
    public void Every_status_takes_exactly_the_steps_of_the_transition_table()
    {
        foreach (var from in Enum.GetValues<SpendStatus>())
            foreach (var action in Enum.GetValues<SpendAction>())
            {
                var spend = InStatus(from);
                var step = Take(spend, action);
                if (SpendRules.Next(from, action) is { } to)
                {
                    Assert.False(step.IsRefused, $"{from} {action}: {string.Join(", ", step.Errors.Select(e => e.Code))}");
                    Assert.Equal(to, spend.Status);
                }
                else
                {
                    Assert.Equal(SpendRules.CheckStep(from, action), Assert.Single(step.Errors));
                    Assert.Equal(from, spend.Status);
                    Assert.Empty(step.Entries);
                }
            }
    }

    [Fact]
    public void Approval_commits_the_amount_per_law_and_records_who_decided()
    {
        var s = New(800.01m);
        var step = s.Approve(new SpendDecider(new BudgetActor("lead", "Marloes"), SpendDeciderRole.TeamLead, 2500m), null, At);
        Assert.Equal([(EntryKind.Verplichting, 400.01m), (EntryKind.Verplichting, 400m)], step.Entries.Select(e => (e.Kind, e.Amount)));
        Assert.All(step.Entries, e => Assert.Equal(("lead", "Marloes", s.Id, 2026), (e.ActorId, e.ActorName, e.SpendId!.Value, e.Year)));
        Assert.Equal(("lead", "Marloes", "Goedgekeurd door de teamleider"), (s.DecidedBy, s.DecidedByName, s.DecisionReason));
    }

    [Fact]
    public void The_team_lead_is_refused_on_their_own_request_and_above_their_mandate()
    {
        var own = New();
        Assert.Equal(SpendRules.OwnRequestCode, Assert.Single(own.Approve(new SpendDecider(Prof, SpendDeciderRole.TeamLead, 2500m), null, At).Errors).Code);
        var above = New(1200m);
        Assert.Equal(SpendRules.AboveOwnMandateCode, Assert.Single(above.Approve(new SpendDecider(new BudgetActor("lead", "L"), SpendDeciderRole.TeamLead, 1000m), null, At).Errors).Code);
        var municipal = New(3000m, ApprovalLevel.Gemeente);
        Assert.Equal(SpendRules.NeedsMunicipalityCode, Assert.Single(municipal.Refuse(new SpendDecider(new BudgetActor("lead", "L"), SpendDeciderRole.TeamLead), "Nee", At).Errors).Code);
        Assert.All(new[] { own, above, municipal }, s => Assert.Equal(SpendStatus.Aangevraagd, s.Status));
    }

    [Fact]
    public void Reasons_are_required_where_a_step_needs_one_and_kept_within_their_column()
    {
        Assert.Equal(TextRules.RequiredCode, Assert.Single(New().Refuse(System, " ", At).Errors).Code);
        Assert.Equal(TextRules.RequiredCode, Assert.Single(New().Cancel(null, Prof, At).Errors).Code);
        var longReason = new string('x', Spend.DecisionReasonMaxLength + 1);
        Assert.Equal(TextRules.TooLongCode, Assert.Single(New().Approve(System, longReason, At).Errors).Code);
        Assert.Equal(TextRules.TooLongCode, Assert.Single(New().Cancel(new string('x', Spend.CancelReasonMaxLength + 1), Prof, At).Errors).Code);
        var pay = InStatus(SpendStatus.Goedgekeurd).Pay("800", "02-03-2026", new string('x', Spend.PayeeMaxLength + 1), Prof, Today, At);
        Assert.Equal(TextRules.TooLongCode, Assert.Single(pay.Errors).Code);
    }

    [Fact]
    public void A_partial_payment_releases_the_rest_and_a_refused_payment_changes_nothing()
    {
        var s = InStatus(SpendStatus.Goedgekeurd);
        var refused = s.Pay("900", "03-03-2026", "", Prof, Today, At);
        Assert.Equal([SpendRules.PaymentTooHighCode, SpendRules.PaymentDateInvalidCode, TextRules.RequiredCode], refused.Errors.Select(e => e.Code));
        Assert.Equal(SpendStatus.Goedgekeurd, s.Status);
        Assert.Null(s.PaidAmount);

        var paid = s.Pay("750,00", "01-03-2026", "Verhuurder", Prof, Today, At);
        Assert.Equal([(EntryKind.Betaling, 375m), (EntryKind.Betaling, 375m), (EntryKind.Vrijval, 25m), (EntryKind.Vrijval, 25m)], paid.Entries.Select(e => (e.Kind, e.Amount)));
        Assert.All(paid.Entries, e => Assert.Equal(new DateOnly(2026, 3, 1), e.BookedOn));
        Assert.Equal((750m, new DateOnly(2026, 3, 1), "Verhuurder"), (s.PaidAmount!.Value, s.PaidOn!.Value, s.Payee!));
    }

    [Fact]
    public void Cancelling_releases_only_money_that_was_committed()
    {
        Assert.Empty(New().Cancel("Niet nodig", Prof, At).Entries);
        var approved = InStatus(SpendStatus.Goedgekeurd);
        var step = approved.Cancel("Familie betaalt", Prof, At);
        Assert.Equal([(EntryKind.Vrijval, 400m), (EntryKind.Vrijval, 400m)], step.Entries.Select(e => (e.Kind, e.Amount)));
        Assert.Equal("Familie betaalt", approved.CancelReason);
        Assert.All(step.Entries, e => Assert.Equal("Geannuleerd: Familie betaalt", e.Reason));
    }

    [Fact]
    public void Only_a_spend_within_the_mandate_is_approved_as_it_is_recorded()
    {
        var within = New(300m, ApprovalLevel.Mandaat);
        Assert.False(within.ApproveWithinMandate(At).IsRefused);
        Assert.Equal((SpendStatus.Goedgekeurd, Prof.Id, SpendRules.WithinMandateReason), (within.Status, within.DecidedBy, within.DecisionReason));
        Assert.Throws<InvalidOperationException>(() => New().ApproveWithinMandate(At));
    }
}
