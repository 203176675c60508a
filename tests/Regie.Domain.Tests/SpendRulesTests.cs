using Regie.Domain.Budget;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class SpendRulesTests
{
    private static readonly Dictionary<(SpendStatus, SpendAction), SpendStatus> Allowed = new()
    {
        [(SpendStatus.Aangevraagd, SpendAction.Approve)] = SpendStatus.Goedgekeurd,
        [(SpendStatus.Aangevraagd, SpendAction.Refuse)] = SpendStatus.Afgewezen,
        [(SpendStatus.Aangevraagd, SpendAction.Cancel)] = SpendStatus.Geannuleerd,
        [(SpendStatus.Goedgekeurd, SpendAction.Pay)] = SpendStatus.Betaald,
        [(SpendStatus.Goedgekeurd, SpendAction.Cancel)] = SpendStatus.Geannuleerd,
    };

    private static string RefusalCode(SpendAction action) => action switch
    {
        SpendAction.Approve or SpendAction.Refuse => SpendRules.NotPendingCode,
        SpendAction.Pay => SpendRules.NotApprovedCode,
        _ => SpendRules.CannotCancelCode,
    };

    [Fact]
    public void The_transition_table_allows_exactly_its_steps_and_refuses_every_other_with_the_steps_code()
    {
        foreach (var from in Enum.GetValues<SpendStatus>())
            foreach (var action in Enum.GetValues<SpendAction>())
            {
                if (Allowed.TryGetValue((from, action), out var to))
                {
                    Assert.Equal(to, SpendRules.Next(from, action));
                    Assert.Null(SpendRules.CheckStep(from, action));
                }
                else
                {
                    Assert.Null(SpendRules.Next(from, action));
                    var refused = SpendRules.CheckStep(from, action);
                    Assert.NotNull(refused);
                    Assert.Equal(RefusalCode(action), refused.Code);
                    Assert.False(string.IsNullOrWhiteSpace(refused.Message));
                }
            }
    }

    [Fact]
    public void Final_statuses_have_no_step_left()
    {
        foreach (var final in new[] { SpendStatus.Afgewezen, SpendStatus.Betaald, SpendStatus.Geannuleerd })
            Assert.All(Enum.GetValues<SpendAction>(), a => Assert.Null(SpendRules.Next(final, a)));
    }

    [Fact]
    public void A_decision_on_a_decided_spend_names_its_status()
    {
        Assert.Equal("Over deze uitgave is al besloten (afgewezen).", SpendRules.CheckStep(SpendStatus.Afgewezen, SpendAction.Approve)!.Message);
        Assert.Equal("Alleen een goedgekeurde, nog niet betaalde uitgave kan worden betaald.", SpendRules.CheckStep(SpendStatus.Aangevraagd, SpendAction.Pay)!.Message);
        Assert.Equal("Een betaalde, afgewezen of geannuleerde uitgave kan niet meer worden geannuleerd.", SpendRules.CheckStep(SpendStatus.Betaald, SpendAction.Cancel)!.Message);
    }

    private static SpendDecider Lead(string id = "lead", decimal mandate = 2500m) => new(new BudgetActor(id, "Teamleider"), SpendDeciderRole.TeamLead, mandate);

    [Fact]
    public void The_team_lead_does_not_decide_on_their_own_request()
    {
        Assert.Equal(SpendRules.OwnRequestCode, SpendRules.CheckDecider(Lead("lead"), "lead", ApprovalLevel.Teamleider, 800m, SpendAction.Approve)?.Code);
        Assert.Equal(SpendRules.OwnRequestCode, SpendRules.CheckDecider(Lead("lead"), "lead", ApprovalLevel.Teamleider, 800m, SpendAction.Refuse)?.Code);
        Assert.Null(SpendRules.CheckDecider(Lead("lead"), "prof", ApprovalLevel.Teamleider, 800m, SpendAction.Approve));
    }

    [Fact]
    public void Above_the_second_limit_the_municipality_decides_not_the_team_lead()
    {
        Assert.Equal(SpendRules.NeedsMunicipalityCode, SpendRules.CheckDecider(Lead(), "prof", ApprovalLevel.Gemeente, 3000m, SpendAction.Refuse)?.Code);
        Assert.Null(SpendRules.CheckDecider(new SpendDecider(new BudgetActor("beleid", "Gemeente"), SpendDeciderRole.Municipality), "prof", ApprovalLevel.Gemeente, 3000m, SpendAction.Approve));
    }

    [Fact]
    public void The_team_lead_approves_only_within_their_own_mandate_but_may_refuse_above_it()
    {
        Assert.Equal(SpendRules.AboveOwnMandateCode, SpendRules.CheckDecider(Lead(mandate: 1000m), "prof", ApprovalLevel.Teamleider, 1000.01m, SpendAction.Approve)?.Code);
        Assert.Null(SpendRules.CheckDecider(Lead(mandate: 1000m), "prof", ApprovalLevel.Teamleider, 1000m, SpendAction.Approve));
        Assert.Null(SpendRules.CheckDecider(Lead(mandate: 1000m), "prof", ApprovalLevel.Teamleider, 2000m, SpendAction.Refuse));
    }

    [Fact]
    public void A_system_account_decides_without_the_team_leads_limits_and_approves_as_the_team_lead_would_by_default()
    {
        var system = new SpendDecider(new BudgetActor("systeem", "Systeem"), SpendDeciderRole.System);
        Assert.Null(SpendRules.CheckDecider(system, "systeem", ApprovalLevel.Gemeente, 9000m, SpendAction.Approve));
        Assert.Equal("Goedgekeurd door de teamleider", SpendRules.DefaultApprovalReason(SpendDeciderRole.System));
        Assert.Equal("Goedgekeurd door de gemeente", SpendRules.DefaultApprovalReason(SpendDeciderRole.Municipality));
    }

    [Theory]
    [InlineData("800", "01-03-2026", new string[0])]
    [InlineData("800,01", "01-03-2026", new[] { SpendRules.PaymentTooHighCode })]
    [InlineData("800", "02-03-2026", new[] { SpendRules.PaymentDateInvalidCode })]
    [InlineData("800", "28-02-2025", new[] { SpendRules.PaymentDateInvalidCode })]
    [InlineData("800", "01-03-2025", new string[0])]
    [InlineData("veel", "gisteren", new[] { Mandates.AmountInvalidCode, SpendRules.PaymentDateInvalidCode })]
    public void A_payment_is_at_most_the_approved_amount_and_dated_within_the_past_year(string amount, string date, string[] codes)
    {
        var errors = new ErrorList();
        SpendRules.CheckPayment(amount, date, 800m, new DateOnly(2026, 3, 1), errors);
        Assert.Equal(codes, errors.Errors.Select(e => e.Code));
    }

    [Fact]
    public void What_was_committed_and_not_paid_is_released()
    {
        Assert.Equal(50m, SpendRules.Released(800m, 750m));
        Assert.Equal(0m, SpendRules.Released(800m, 800m));
    }

    [Fact]
    public void A_spend_names_at_least_one_law_each_once_and_a_known_kind()
    {
        var errors = new ErrorList();
        Assert.Equal([Care.LegalFramework.Participatiewet, Care.LegalFramework.Wgs], SpendRules.ParseFrameworks(["Wgs", "Participatiewet", "Wgs", " "], errors));
        Assert.False(errors.HasErrors);
        Assert.Empty(SpendRules.ParseFrameworks([], errors));
        Assert.Null(SpendRules.ParseKind("Vakantie", errors));
        Assert.Equal(InterventionKind.Vervoer, SpendRules.ParseKind("Vervoer", errors));
        Assert.Equal([SpendRules.FrameworksRequiredCode, SpendRules.KindInvalidCode], errors.Errors.Select(e => e.Code));
    }

    [Fact]
    public void The_municipality_books_on_last_this_and_next_years_budget()
    {
        Assert.Null(LedgerRules.CheckYear(2025, 2026));
        Assert.Null(LedgerRules.CheckYear(2027, 2026));
        Assert.Equal(LedgerRules.YearInvalidCode, LedgerRules.CheckYear(2024, 2026)?.Code);
        Assert.Equal("Kies een jaar van 2025 tot en met 2027.", LedgerRules.CheckYear(2028, 2026)?.Message);
    }
}

public sealed class BudgetSettingsRulesTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("2.000", "2000")]
    [InlineData("1000000", "1000000")]
    public void A_mandate_is_zero_up_to_a_million_in_whole_cents(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Mandates.ParseLimit(text, "Bedrag").Value);

    [Theory]
    [InlineData("veel")]
    [InlineData("-1")]
    [InlineData("1000000,01")]
    [InlineData("1,005")]
    public void Other_mandates_are_refused(string text) =>
        Assert.Equal(Mandates.LimitInvalidCode, Mandates.ParseLimit(text, "Bedrag").Error?.Code);

    [Theory]
    [InlineData(" Opvang-Nacht ", "opvang-nacht")]
    [InlineData("jeugd2", "jeugd2")]
    public void A_tariff_code_is_stored_trimmed_and_lower_case(string text, string expected) =>
        Assert.Equal(expected, Tariffs.ParseCode(text, 40).Value);

    [Theory]
    [InlineData("")]
    [InlineData("opvang nacht")]
    [InlineData("opvang_nacht")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Other_tariff_codes_are_refused(string text) =>
        Assert.Equal(Tariffs.CodeInvalidCode, Tariffs.ParseCode(text, 40).Error?.Code);
}
