using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Decisions;

namespace Regie.Domain.Tests;

/// <summary>The status guards and registration rules of applications, each with its own code.</summary>
public sealed class DecisionGuardRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Only_a_report_is_received_as_an_application()
    {
        Assert.Null(DecisionRules.CheckReceivable(ApplicationStatus.Melding));
        foreach (var status in new[] { ApplicationStatus.InBehandeling, ApplicationStatus.Beslist, ApplicationStatus.Ingetrokken })
            Assert.Equal(DecisionRules.NotAReportCode, DecisionRules.CheckReceivable(status)!.Code);
    }

    [Fact]
    public void Only_an_open_report_or_application_is_withdrawn()
    {
        Assert.Null(DecisionRules.CheckWithdrawable(ApplicationStatus.Melding));
        Assert.Null(DecisionRules.CheckWithdrawable(ApplicationStatus.InBehandeling));
        Assert.Equal(DecisionRules.AlreadyDecidedCode, DecisionRules.CheckWithdrawable(ApplicationStatus.Beslist)!.Code);
        Assert.Equal(DecisionRules.AlreadyDecidedCode, DecisionRules.CheckWithdrawable(ApplicationStatus.Ingetrokken)!.Code);
    }

    [Fact]
    public void Only_an_application_in_progress_is_extended()
    {
        foreach (var status in new[] { ApplicationStatus.Melding, ApplicationStatus.Beslist, ApplicationStatus.Ingetrokken })
            Assert.Equal([DecisionRules.NotExtendableCode],
                DecisionRules.CheckExtension(status, 0, Today, Today, 2, "Wij wachten op advies.", DecisionTerms.Default).Select(e => e.Code));
        Assert.Empty(DecisionRules.CheckExtension(ApplicationStatus.InBehandeling, 0, Today, Today, 2, "Wij wachten op advies.", DecisionTerms.Default));
    }

    [Fact]
    public void Only_the_Wmo_knows_a_report_and_a_registration_needs_a_date()
    {
        Assert.Equal([DecisionRules.NotAReportCode],
            DecisionRules.CheckRegistration(LegalFramework.Jeugdwet, Today, null, unreadableDate: false, Today).Select(e => e.Code));
        var none = Assert.Single(DecisionRules.CheckRegistration(LegalFramework.Wmo2015, null, null, unreadableDate: false, Today));
        Assert.Equal((DecisionRules.DateRequiredCode, "Vul de datum van de melding of van de aanvraag in."), (none.Code, none.Message));
        Assert.Empty(DecisionRules.CheckRegistration(LegalFramework.Wmo2015, null, null, unreadableDate: true, Today));
        Assert.Equal([DecisionRules.AppliedBeforeReportCode],
            DecisionRules.CheckRegistration(LegalFramework.Wmo2015, Today, Today.AddDays(-1), unreadableDate: false, Today).Select(e => e.Code));
        Assert.Empty(DecisionRules.CheckRegistration(LegalFramework.Wmo2015, Today.AddDays(-3), null, unreadableDate: false, Today));
        Assert.Empty(DecisionRules.CheckRegistration(LegalFramework.Jeugdwet, null, Today, unreadableDate: false, Today));
    }

    [Fact]
    public void The_investigation_is_finished_between_the_report_and_today()
    {
        Assert.Equal([DutchDate.InvalidCode],
            DecisionRules.CheckReceiptDates(LegalFramework.Wmo2015, Today.AddDays(-5), Today, Today.AddDays(-6), Today).Select(e => e.Code));
        Assert.Equal([DutchDate.InvalidCode],
            DecisionRules.CheckReceiptDates(LegalFramework.Wmo2015, Today.AddDays(-5), Today, Today.AddDays(1), Today).Select(e => e.Code));
        Assert.Empty(DecisionRules.CheckReceiptDates(LegalFramework.Wmo2015, Today.AddDays(-5), Today, Today.AddDays(-1), Today));
        Assert.Equal(DecisionRules.DateRequiredCode, DecisionRules.CheckApplicationDate(null, unreadableDate: false)!.Code);
        Assert.Null(DecisionRules.CheckApplicationDate(null, unreadableDate: true));
    }

    [Fact]
    public void An_outcome_is_one_of_three_and_a_beschikking_has_at_most_ten_provisions()
    {
        Assert.Equal(DecisionOutcome.DeelsToegekend, DecisionRules.ParseOutcome("DeelsToegekend").Value);
        Assert.Equal(DecisionRules.OutcomeInvalidCode, DecisionRules.ParseOutcome("Misschien").Error!.Code);
        Assert.Equal(DecisionRules.OutcomeInvalidCode, DecisionRules.ParseOutcome("7").Error!.Code);
        Assert.Null(DecisionRules.CheckProductCount(DecisionRules.MaxProducts));
        Assert.Equal(DecisionRules.TooManyProductsCode, DecisionRules.CheckProductCount(DecisionRules.MaxProducts + 1)!.Code);
    }
}
