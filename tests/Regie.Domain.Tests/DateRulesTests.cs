using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Referrals;

namespace Regie.Domain.Tests;

public sealed class DateRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static string? Code(string date, DateKind kind) =>
        DateRules.Check(DateOnly.ParseExact(date, "yyyy-MM-dd"), kind, Today, "Datum", "de datum")?.Code;

    [Theory]
    [InlineData("2006-11-21", DateRules.TooEarlyCode)]
    [InlineData("2006-11-22", null)]
    [InlineData("0001-01-01", DateRules.TooEarlyCode)]
    [InlineData("1925-11-22", DateRules.TooEarlyCode)]
    [InlineData("2026-11-22", null)]
    [InlineData("2026-11-23", DateRules.TooLateCode)]
    [InlineData("9999-12-31", DateRules.TooLateCode)]
    public void What_happened_lies_between_twenty_years_ago_and_today(string date, string? code) => Assert.Equal(code, Code(date, DateKind.Happened));

    [Theory]
    [InlineData("2006-11-21", DateRules.TooEarlyCode)]
    [InlineData("2006-11-22", null)]
    [InlineData("2031-11-22", null)]
    [InlineData("2031-11-23", DateRules.TooLateCode)]
    [InlineData("9999-12-31", DateRules.TooLateCode)]
    public void What_is_planned_lies_at_most_five_years_ahead(string date, string? code) => Assert.Equal(code, Code(date, DateKind.Planned));

    [Fact]
    public void The_message_names_the_field_the_date_and_the_bound()
    {
        var early = DateRules.Check(new DateOnly(1, 1, 1), DateKind.Happened, Today, "Aanvraagdatum", "de datum van de aanvraag")!;
        Assert.Equal(new DomainError(DateRules.TooEarlyCode, "Aanvraagdatum",
            "De datum van de aanvraag (01-01-0001) ligt meer dan 20 jaar terug. Kies een datum vanaf 22-11-2006; controleer het jaar."), early);
        var late = DateRules.Check(new DateOnly(9999, 12, 31), DateKind.Planned, Today, "Deadline", "de deadline")!;
        Assert.Equal(new DomainError(DateRules.TooLateCode, "Deadline",
            "De deadline (31-12-9999) ligt meer dan 5 jaar vooruit. Kies een datum tot en met 22-11-2031; controleer het jaar."), late);
        Assert.Equal("De startdatum (23-11-2026) ligt in de toekomst. Registreer wat is gebeurd; controleer het jaar.",
            DateRules.Check(Today.AddDays(1), DateKind.Happened, Today, "Startdatum", "de startdatum")!.Message);
    }

    [Fact]
    public void An_action_deadline_in_9999_is_refused_and_one_five_years_ahead_is_kept()
    {
        var errors = new ErrorList();
        Assert.Null(PlanRules.CheckAction("Huur betalen", ActionOwnerKind.Huishoudlid, "Sanne", "31-12-9999", Today, errors));
        Assert.Equal((DateRules.TooLateCode, "Deadline"), (Assert.Single(errors.Errors).Code, errors.Errors[0].Field));
        errors = new ErrorList();
        Assert.Equal(new DateOnly(2031, 11, 22), PlanRules.CheckAction("Huur betalen", ActionOwnerKind.Huishoudlid, "Sanne", "22-11-2031", Today, errors));
        Assert.False(errors.HasErrors);
    }

    [Fact]
    public void A_referral_follow_up_more_than_five_years_ahead_is_refused()
    {
        var errors = new ErrorList();
        Assert.Null(ReferralRules.CheckSend(true, "Intake schuldhulp", "23-11-2031", Today, 14, errors));
        Assert.Equal((DateRules.TooLateCode, "Opvolgdatum"), (Assert.Single(errors.Errors).Code, errors.Errors[0].Field));
    }

    [Theory]
    [InlineData("2006-11-21", DateRules.TooEarlyCode)]
    [InlineData("2006-11-22", null)]
    [InlineData("2044-11-22", null)]
    [InlineData("2044-11-23", DateRules.TooLateCode)]
    [InlineData("9999-12-31", DateRules.TooLateCode)]
    public void A_granted_period_runs_at_most_eighteen_years_ahead(string date, string? code) => Assert.Equal(code, Code(date, DateKind.Granted));

    [Fact]
    public void A_granted_date_too_far_ahead_names_the_eighteen_years()
    {
        Assert.Equal("De einddatum (31-12-9999) ligt meer dan 18 jaar vooruit. Kies een datum tot en met 22-11-2044; controleer het jaar.",
            DateRules.Check(new DateOnly(9999, 12, 31), DateKind.Granted, Today, "Tot", "de einddatum")!.Message);
    }

    [Theory]
    [InlineData(1899, DateRules.PeriodInvalidCode)]
    [InlineData(1900, null)]
    [InlineData(2036, null)]
    [InlineData(2037, DateRules.PeriodInvalidCode)]
    [InlineData(0, DateRules.PeriodInvalidCode)]
    [InlineData(9999, DateRules.PeriodInvalidCode)]
    public void A_report_can_be_asked_about_a_year_from_1900_to_ten_years_ahead(int year, string? code) =>
        Assert.Equal(code, DateRules.CheckQueryYear(year, Today, "jaar")?.Code);

    [Fact]
    public void A_report_year_outside_the_range_is_refused_at_the_parameter_with_the_range()
    {
        Assert.Equal(new DomainError(DateRules.PeriodInvalidCode, "jaar", "Kies een jaar van 1900 tot en met 2036."), DateRules.CheckQueryYear(9999, Today, "jaar"));
    }

    [Fact]
    public void A_report_period_is_refused_per_end_outside_the_years_and_for_an_end_before_the_start()
    {
        Assert.Equal([
            new DomainError(DateRules.PeriodInvalidCode, "van", "De begindatum (01-01-0001) valt buiten de jaren 1900 tot en met 2036; controleer het jaar."),
            new DomainError(DateRules.PeriodInvalidCode, "tot", "De einddatum (31-12-9999) valt buiten de jaren 1900 tot en met 2036; controleer het jaar."),
        ], DateRules.CheckPeriod(new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31), Today, "van", "tot"));
        Assert.Equal([new DomainError(DateRules.PeriodInvalidCode, "tot", "De einddatum ligt vóór de begindatum.")],
            DateRules.CheckPeriod(Today, Today.AddDays(-1), Today, "van", "tot"));
        Assert.Empty(DateRules.CheckPeriod(new DateOnly(1900, 1, 1), new DateOnly(2036, 12, 31), Today, "van", "tot"));
        Assert.Empty(DateRules.CheckPeriod(null, null, Today, "van", "tot"));
        Assert.Equal("van", Assert.Single(DateRules.CheckPeriod(new DateOnly(1899, 12, 31), null, Today, "van", "tot")).Field);
    }
}
