using Regie.Domain.Care;
using Regie.Domain.Decisions;

namespace Regie.Domain.Tests;

public sealed class DecisionRulesTests
{
    private static readonly DecisionTerms Terms = DecisionTerms.Default;
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Wmo_investigation_runs_six_weeks_from_the_report_and_the_decision_two_weeks_from_the_application()
    {
        // Report on Monday 2 November 2026: 42 days later is Monday 14 December.
        Assert.Equal(D(2026, 12, 14), Deadlines.InvestigationDue(LegalFramework.Wmo2015, D(2026, 11, 2), Terms));
        // Application on Thursday 10 December: 14 days later is Thursday 24 December.
        Assert.Equal(D(2026, 12, 24), Deadlines.DecisionDue(LegalFramework.Wmo2015, D(2026, 12, 10), 0, Terms));
        Assert.Null(Deadlines.InvestigationDue(LegalFramework.Jeugdwet, D(2026, 11, 2), Terms));
    }

    [Fact]
    public void Jeugdwet_decision_is_due_eight_weeks_after_the_application_and_an_extension_adds_its_weeks()
    {
        Assert.Equal(D(2027, 1, 1), Deadlines.DecisionDue(LegalFramework.Jeugdwet, D(2026, 11, 6), 0, Terms));
        Assert.Equal(D(2027, 1, 29), Deadlines.DecisionDue(LegalFramework.Jeugdwet, D(2026, 11, 6), 4, Terms));
        Assert.Equal(D(2027, 1, 1), Deadlines.DecisionDue(LegalFramework.Participatiewet, D(2026, 11, 6), 0, Terms));
        Assert.Equal(D(2026, 12, 4), Deadlines.DecisionDue(LegalFramework.Wgs, D(2026, 11, 6), 0, Terms with { WgsWeeks = 4 }));
    }

    [Fact]
    public void An_open_application_is_late_from_the_day_after_its_deadline_and_stays_late_after_a_late_decision()
    {
        var due = D(2026, 11, 20);
        var onTheDay = Deadlines.Evaluate(due, D(2026, 11, 20), null, 5);
        Assert.False(onTheDay.Late);
        Assert.True(onTheDay.DueSoon);
        Assert.Equal(0, onTheDay.DaysLeft);

        var after = Deadlines.Evaluate(due, D(2026, 11, 22), null, 5);
        Assert.True(after.Late);
        Assert.Equal(D(2026, 11, 21), after.LateSince);
        Assert.False(after.DueSoon);

        Assert.True(Deadlines.Evaluate(due, D(2026, 12, 1), D(2026, 11, 25), 5).Late);
        Assert.False(Deadlines.Evaluate(due, D(2026, 12, 1), D(2026, 11, 19), 5).Late);
        Assert.False(Deadlines.Evaluate(due, D(2026, 11, 10), null, 5).DueSoon);
    }

    [Fact]
    public void No_decision_without_an_application_and_never_a_second_one()
    {
        var today = D(2026, 11, 22);
        Assert.Equal(DecisionRules.NotReceivedCode, Single(DecisionRules.CheckDecision(ApplicationStatus.Melding, null, today, today, DecisionOutcome.Afgewezen, Reason, 0)));
        Assert.Equal(DecisionRules.AlreadyDecidedCode, Single(DecisionRules.CheckDecision(ApplicationStatus.Beslist, today, today, today, DecisionOutcome.Afgewezen, Reason, 0)));
        Assert.Equal(DecisionRules.WithdrawnCode, Single(DecisionRules.CheckDecision(ApplicationStatus.Ingetrokken, today, today, today, DecisionOutcome.Afgewezen, Reason, 0)));
        Assert.Empty(DecisionRules.CheckDecision(ApplicationStatus.InBehandeling, today.AddDays(-3), today, today, DecisionOutcome.Afgewezen, Reason, 0));
    }

    private const string Reason = "Uit het onderzoek blijkt dat de eigen kracht volstaat.";

    [Fact]
    public void A_refusal_needs_reasoning_and_a_grant_needs_a_product()
    {
        var today = D(2026, 11, 22);
        Assert.Equal(DecisionRules.ReasoningRequiredCode, Single(DecisionRules.CheckDecision(ApplicationStatus.InBehandeling, today, today, today, DecisionOutcome.Afgewezen, "nee", 0)));
        Assert.Equal(DecisionRules.ProductsRequiredCode, Single(DecisionRules.CheckDecision(ApplicationStatus.InBehandeling, today, today, today, DecisionOutcome.DeelsToegekend, Reason, 0)));
        Assert.Equal(DecisionRules.ProductsNotAllowedCode, Single(DecisionRules.CheckDecision(ApplicationStatus.InBehandeling, today, today, today, DecisionOutcome.Afgewezen, Reason, 1)));
        Assert.Equal(DecisionRules.DecisionDateBeforeApplicationCode, Single(DecisionRules.CheckDecision(ApplicationStatus.InBehandeling, today, today.AddDays(-1), today, DecisionOutcome.Afgewezen, Reason, 0)));
        Assert.Equal(DecisionRules.DateInFutureCode, Single(DecisionRules.CheckDecision(ApplicationStatus.InBehandeling, today, today.AddDays(1), today, DecisionOutcome.Afgewezen, Reason, 0)));
    }

    [Fact]
    public void A_product_needs_a_category_of_its_framework_a_positive_volume_a_listed_unit_and_frequency_and_a_period()
    {
        var good = new ProductFacts("01", null, 3, "04", "2", D(2026, 12, 1), D(2027, 11, 30), 3300m);
        Assert.Empty(DecisionRules.CheckProduct(LegalFramework.Wmo2015, good, "Producten[0]"));
        // A Wmo category is not a youth-care category.
        Assert.Equal(DecisionRules.CategoryInvalidCode, Single(DecisionRules.CheckProduct(LegalFramework.Jeugdwet, good, "Producten[0]")));
        Assert.Equal(DecisionRules.DescriptionRequiredCode, Single(DecisionRules.CheckProduct(LegalFramework.Wgs, good, "Producten[0]")));
        Assert.Empty(DecisionRules.CheckProduct(LegalFramework.Wgs, good with { Category = null, Description = "Schuldregeling" }, "P"));

        var errors = DecisionRules.CheckProduct(LegalFramework.Wmo2015, good with { Volume = 0, Unit = "99", Frequency = "3", To = D(2026, 11, 1), EstimatedCost = -1m }, "Producten[1]");
        Assert.Equal([DecisionRules.VolumeInvalidCode, DecisionRules.UnitInvalidCode, DecisionRules.FrequencyInvalidCode, DecisionRules.PeriodInvalidCode, DecisionRules.CostInvalidCode],
            errors.Select(e => e.Code));
        Assert.Equal("Producten[1].Omvang", errors[0].Field);
    }

    [Fact]
    public void An_extension_is_given_once_before_the_deadline_with_a_reason_and_a_capped_length()
    {
        var due = D(2026, 11, 30);
        Assert.Empty(DecisionRules.CheckExtension(ApplicationStatus.InBehandeling, 0, due, D(2026, 11, 30), 4, "Advies van de GGD is nodig.", Terms));
        Assert.Equal(DecisionRules.ExtensionTooLateCode, Single(DecisionRules.CheckExtension(ApplicationStatus.InBehandeling, 0, due, D(2026, 12, 1), 4, "Advies van de GGD is nodig.", Terms)));
        Assert.Equal(DecisionRules.ExtensionTwiceCode, Single(DecisionRules.CheckExtension(ApplicationStatus.InBehandeling, 2, due, D(2026, 11, 20), 2, "Advies van de GGD is nodig.", Terms)));
        Assert.Equal(DecisionRules.ExtensionWeeksCode, Single(DecisionRules.CheckExtension(ApplicationStatus.InBehandeling, 0, due, D(2026, 11, 20), 7, "Advies van de GGD is nodig.", Terms)));
        Assert.Equal(DecisionRules.ExtensionReasonCode, Single(DecisionRules.CheckExtension(ApplicationStatus.InBehandeling, 0, due, D(2026, 11, 20), 2, "later", Terms)));
        Assert.Equal(DecisionRules.NotExtendableCode, Single(DecisionRules.CheckExtension(ApplicationStatus.Beslist, 0, due, D(2026, 11, 20), 2, "Advies van de GGD is nodig.", Terms)));
    }

    [Fact]
    public void Terms_longer_than_the_law_allows_are_refused()
    {
        Assert.Empty(Terms.Check());
        Assert.Empty((Terms with { WmoDecisionWeeks = 1, JeugdwetWeeks = 6 }).Check());
        var errors = (Terms with { WmoDecisionWeeks = 3, JeugdwetWeeks = 0 }).Check();
        Assert.Equal(["WmoDecisionWeeks", "JeugdwetWeeks"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal(DecisionTerms.WeeksInvalidCode, e.Code));
    }

    [Theory]
    [InlineData(LegalFramework.Jeugdwet, "43", true)]
    [InlineData(LegalFramework.Jeugdwet, "44", true)]
    [InlineData(LegalFramework.Jeugdwet, "46", true)]
    [InlineData(LegalFramework.Jeugdwet, "45", false)]
    [InlineData(LegalFramework.Jeugdwet, "31", false)]
    [InlineData(LegalFramework.Jeugdwet, null, false)]
    [InlineData(LegalFramework.Wmo2015, "01", true)]
    [InlineData(LegalFramework.Wgs, null, false)]
    [InlineData(LegalFramework.Participatiewet, null, false)]
    public void Residential_crisis_and_court_ordered_youth_care_and_every_Wmo_custom_provision_count_as_specialist(LegalFramework f, string? category, bool specialist) =>
        Assert.Equal(specialist, SpecialistCare.IsSpecialist(f, category));

    [Fact]
    public void The_code_lists_are_those_of_the_iStandaarden()
    {
        Assert.Equal("Hulp bij het huishouden", CodeLists.Wmo020.Find("01")?.Name);
        Assert.Equal("Jeugdhulp verblijf (incl. behandeling)", CodeLists.Jz020.Find("43")?.Name);
        Assert.Equal(18, CodeLists.Wmo020.Entries.Count);
        Assert.Equal(24, CodeLists.Jz020.Entries.Count);
        Assert.Equal("Uur", CodeLists.Wj756.Find("04")?.Name);
        Assert.Equal("Per week", CodeLists.Wmo757.Find("2")?.Name);
        Assert.Null(CodeLists.ProductCategories(LegalFramework.Wgs));
    }

    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("€ 1.800", "1800")]
    [InlineData("3300", "3300")]
    [InlineData("12,5", "12.5")]
    [InlineData("3300.50", "3300.50")]
    [InlineData("1.800", "1800")]
    public void Amounts_are_read_the_Dutch_way(string text, string expected)
    {
        Assert.True(DecisionRules.TryParseAmount(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("twaalf")]
    [InlineData("1,234")]
    public void Amounts_that_are_not_to_the_cent_or_not_numbers_are_refused(string text) => Assert.False(DecisionRules.TryParseAmount(text, out _));

    private static string Single(IReadOnlyList<Common.DomainError> errors) => Assert.Single(errors).Code;
}
