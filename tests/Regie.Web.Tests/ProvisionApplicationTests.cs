using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Decisions;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>The application's guarded status changes: each refuses what its status does not allow, with the rule's code, and changes nothing.</summary>
public sealed class ProvisionApplicationTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DecisionTerms Terms = DecisionTerms.Default;
    private const string Reasoning = "Uit het onderzoek blijkt dat de eigen kracht niet volstaat.";

    private static ProvisionApplication Report() =>
        ProvisionApplication.Register("0000", Guid.NewGuid(), Guid.NewGuid(), LegalFramework.Wmo2015, null, "Hulp bij het huishouden",
            Today.AddDays(-20), null, "consulent", "consulent", Terms, Today, DateTime.UtcNow);

    private static ProvisionApplication Application(LegalFramework framework = LegalFramework.Jeugdwet, int appliedDaysAgo = 10) =>
        ProvisionApplication.Register("0000", Guid.NewGuid(), null, framework, null, "Jeugdhulp", null, Today.AddDays(-appliedDaysAgo),
            "consulent", "consulent", Terms, Today, DateTime.UtcNow);

    private static DecisionProduct Product() => new()
    {
        Id = Guid.NewGuid(), Gemeentecode = "0000", Position = 1, Category = "45", Volume = 2, Unit = "04", Frequency = "2",
        From = Today, To = Today.AddMonths(6), EstimatedCost = 800m,
    };

    private static string Refusal(Action change) => Assert.Throws<DomainException>(change).Error.Code;

    [Fact]
    public void Registration_is_a_report_without_an_application_date_and_refuses_a_registration_without_a_date()
    {
        var report = Report();
        Assert.Equal(ApplicationStatus.Melding, report.Status);
        Assert.Equal(Today.AddDays(22), report.InvestigationDueOn);
        Assert.Null(report.DecisionDueOn);
        var application = Application();
        Assert.Equal(ApplicationStatus.InBehandeling, application.Status);
        Assert.Equal(Today.AddDays(46), application.DecisionDueOn);
        Assert.Equal(DecisionRules.DateRequiredCode, Refusal(() => ProvisionApplication.Register("0000", Guid.NewGuid(), null, LegalFramework.Jeugdwet, null,
            "Jeugdhulp", null, null, null, "consulent", Terms, Today, DateTime.UtcNow)));
        Assert.Equal(DecisionRules.NotAReportCode, Refusal(() => ProvisionApplication.Register("0000", Guid.NewGuid(), null, LegalFramework.Jeugdwet, null,
            "Jeugdhulp", Today, null, null, "consulent", Terms, Today, DateTime.UtcNow)));
    }

    [Fact]
    public void A_report_is_received_once_and_its_decision_term_starts_then()
    {
        var report = Report();
        Assert.Null(report.RefuseReceipt());
        report.Receive(Today.AddDays(-2), Today.AddDays(-3), Today, Terms);
        Assert.Equal((ApplicationStatus.InBehandeling, Today.AddDays(-2), Today.AddDays(-3), Today.AddDays(12)),
            (report.Status, report.AppliedOn, report.InvestigationDoneOn, report.DecisionDueOn));

        Assert.Equal(DecisionRules.NotAReportCode, report.RefuseReceipt()!.Code);
        Assert.Equal([DecisionRules.NotAReportCode], report.CheckReceipt(Today, null, Today).Select(e => e.Code));
        Assert.Equal(DecisionRules.NotAReportCode, Refusal(() => report.Receive(Today, null, Today, Terms)));
        Assert.Equal(Today.AddDays(-2), report.AppliedOn);
    }

    [Fact]
    public void Receiving_refuses_an_application_before_its_report()
    {
        var report = Report();
        Assert.Equal(DecisionRules.AppliedBeforeReportCode, Refusal(() => report.Receive(Today.AddDays(-21), null, Today, Terms)));
        Assert.Equal(ApplicationStatus.Melding, report.Status);
    }

    [Fact]
    public void An_application_in_progress_is_extended_once()
    {
        var application = Application(appliedDaysAgo: 50);
        Assert.Equal(DecisionRules.NotExtendableCode, Refusal(() => Report().Extend(2, "Wij wachten op het advies van de arts.", Today, Terms)));
        application.Extend(4, "Wij wachten op het advies van de arts.", Today, Terms);
        Assert.Equal((4, "Wij wachten op het advies van de arts.", Today, Today.AddDays(34)),
            (application.ExtensionWeeks, application.ExtensionReason, application.ExtendedOn, application.DecisionDueOn));
        Assert.Equal(DecisionRules.ExtensionTwiceCode, Refusal(() => application.Extend(2, "Nog meer advies nodig van de arts.", Today, Terms)));
        Assert.Equal(4, application.ExtensionWeeks);
    }

    [Fact]
    public void An_open_application_is_withdrawn_and_then_stays_withdrawn()
    {
        var report = Report();
        Assert.Null(report.RefuseWithdrawal());
        report.Withdraw("Gezin verhuist", Today);
        Assert.Equal((ApplicationStatus.Ingetrokken, Today, "Gezin verhuist"), (report.Status, report.WithdrawnOn, report.WithdrawnReason));
        Assert.Equal(DecisionRules.AlreadyDecidedCode, report.RefuseWithdrawal()!.Code);
        Assert.Equal(DecisionRules.AlreadyDecidedCode, Refusal(() => report.Withdraw("Nog eens", Today)));
        Assert.Equal("Gezin verhuist", report.WithdrawnReason);
        Assert.Equal(DecisionRules.WithdrawnCode, Refusal(() => report.Decide(DecisionOutcome.Afgewezen, Today, Reasoning, [], "c", "C", Today, DateTime.UtcNow)));
    }

    [Fact]
    public void A_decision_needs_a_received_application_and_is_taken_once()
    {
        Assert.Equal(DecisionRules.NotReceivedCode, Refusal(() => Report().Decide(DecisionOutcome.Afgewezen, Today, Reasoning, [], "c", "C", Today, DateTime.UtcNow)));

        var application = Application();
        Assert.Equal([DecisionRules.ProductsRequiredCode], application.CheckDecision(DecisionOutcome.Toegekend, Today, Reasoning, 0, Today).Select(e => e.Code));
        Assert.Equal(DecisionRules.TooManyProductsCode, Refusal(() => application.Decide(DecisionOutcome.Toegekend, Today, Reasoning,
            Enumerable.Range(0, DecisionRules.MaxProducts + 1).Select(_ => Product()).ToList(), "c", "C", Today, DateTime.UtcNow)));
        Assert.Equal(ApplicationStatus.InBehandeling, application.Status);

        var products = new[] { Product(), Product() };
        var decision = application.Decide(DecisionOutcome.Toegekend, Today, Reasoning, products, "consulent", "Peter Smit", Today, DateTime.UtcNow);
        Assert.Equal((ApplicationStatus.Beslist, true), (application.Status, application.DecidedInTime));
        Assert.Equal((application.Id, 1600m, false), (decision.ApplicationId, decision.EstimatedCost, decision.OwnEmployer));
        Assert.All(decision.Products, p => Assert.Equal(decision.Id, p.DecisionId));
        Assert.Equal(2, decision.Products.Count);
        Assert.Equal(DecisionRules.AlreadyDecidedCode, Refusal(() => application.Decide(DecisionOutcome.Afgewezen, Today, Reasoning, [], "c", "C", Today, DateTime.UtcNow)));
    }

    [Fact]
    public void A_decision_after_the_term_is_recorded_as_late()
    {
        var application = Application(appliedDaysAgo: 60);
        application.Decide(DecisionOutcome.Afgewezen, Today, Reasoning, [], "consulent", "Peter Smit", Today, DateTime.UtcNow);
        Assert.False(application.DecidedInTime);
    }

    [Fact]
    public void Legal_terms_longer_than_the_law_allows_are_refused_and_each_change_is_a_new_version()
    {
        var row = new DecisionTermSettings { Gemeentecode = "0000", ChangedBy = "", Version = 0 };
        Assert.Equal(DecisionTerms.WeeksInvalidCode, Refusal(() => row.Change(Terms with { WmoDecisionWeeks = 3 }, "Beheerder", DateTime.UtcNow)));
        Assert.Equal(0, row.Version);
        row.Change(Terms with { ParticipatiewetWeeks = 4 }, "Beheerder", DateTime.UtcNow);
        Assert.Equal((4, 1, "Beheerder"), (row.ToTerms().ParticipatiewetWeeks, row.Version, row.ChangedBy));
    }
}
