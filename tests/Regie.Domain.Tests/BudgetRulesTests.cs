using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;

namespace Regie.Domain.Tests;

public sealed class BudgetRulesTests
{
    [Theory]
    [InlineData("500", "Mandaat")]
    [InlineData("500.01", "Teamleider")]
    [InlineData("2500", "Teamleider")]
    [InlineData("2500.01", "Gemeente")]
    public void Who_approves_depends_on_the_requesters_mandate_and_the_team_leads_limit(string amount, string level) =>
        Assert.Equal(Enum.Parse<ApprovalLevel>(level), Mandates.Required(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), 500m, 2500m));

    [Fact]
    public void A_person_with_a_larger_own_mandate_approves_more_at_once() =>
        Assert.Equal(ApprovalLevel.Mandaat, Mandates.Required(1800m, 2000m, 2500m));

    [Theory]
    [InlineData("1.800,00", "1800")]
    [InlineData("€ 1.800", "1800")]
    [InlineData("1800,5", "1800.5")]
    [InlineData("1800.00", "1800")]
    [InlineData("0,01", "0.01")]
    public void Amounts_are_read_as_workers_and_systems_write_them(string text, string expected)
    {
        var r = Mandates.ParseAmount(text, "Bedrag", "het bedrag");
        Assert.True(r.IsValid, r.Error?.Message);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), r.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("veel")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1,005")]
    [InlineData("2.000.000")]
    public void Amounts_that_are_not_whole_cents_between_a_cent_and_a_million_are_refused(string text) =>
        Assert.Equal(Mandates.AmountInvalidCode, Mandates.ParseAmount(text, "Bedrag", "het bedrag").Error?.Code);

    [Fact]
    public void Allocations_may_be_negative_as_corrections_but_not_zero()
    {
        Assert.Equal(-1000m, Amounts.ParseSigned("-1.000,00", "Bedrag", "het bedrag").Value);
        Assert.False(Amounts.ParseSigned("0", "Bedrag", "het bedrag").IsValid);
    }

    [Theory]
    [InlineData(ZrmDomain.Financien, false, new[] { LegalFramework.Participatiewet, LegalFramework.Wgs })]
    [InlineData(ZrmDomain.Huisvesting, false, new[] { LegalFramework.Wmo2015 })]
    [InlineData(ZrmDomain.WerkOpleiding, false, new[] { LegalFramework.Participatiewet })]
    [InlineData(ZrmDomain.GeestelijkeGezondheid, false, new[] { LegalFramework.Wmo2015 })]
    [InlineData(ZrmDomain.Financien, true, new[] { LegalFramework.Jeugdwet })]
    public void The_law_is_suggested_from_the_goals_domain_and_a_childs_goal_falls_under_the_youth_act(ZrmDomain domain, bool child, LegalFramework[] expected) =>
        Assert.Equal(expected, FrameworkSuggestion.For(domain, child));

    [Theory]
    [InlineData("1800", 2, "900,900")]
    [InlineData("300.01", 3, "100.01,100,100")]
    [InlineData("0.05", 2, "0.03,0.02")]
    [InlineData("100", 1, "100")]
    public void A_spend_is_split_over_its_laws_to_the_cent_and_the_parts_add_up(string amount, int laws, string parts)
    {
        var total = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var split = Attribution.Split(total, LegalFrameworks.All.Take(laws).ToList());
        Assert.Equal(parts.Split(',').Select(p => decimal.Parse(p, System.Globalization.CultureInfo.InvariantCulture)), split.Select(s => s.Amount));
        Assert.Equal(total, split.Sum(s => s.Amount));
    }

    [Fact]
    public void A_balance_is_derived_from_its_entries_and_remaining_is_the_sum_of_their_effects()
    {
        (EntryKind, decimal)[] entries =
        [
            (EntryKind.Toekenning, 10_000m), (EntryKind.Toekenning, -1_000m), (EntryKind.Overboeking, -2_000m), (EntryKind.Verplichting, 1_800m),
            (EntryKind.Betaling, 1_750m), (EntryKind.Vrijval, 50m), (EntryKind.Verplichting, 300m),
        ];
        var b = BudgetBalance.Of(entries);
        Assert.Equal(new BudgetBalance(7_000m, 300m, 1_750m), b);
        Assert.Equal(4_950m, b.Remaining);
        Assert.Equal(b.Remaining, entries.Sum(e => BudgetBalance.EffectOnRemaining(e.Item1, e.Item2)));
    }

    [Fact]
    public void A_commitment_may_use_the_last_euro_but_never_more()
    {
        var b = new BudgetBalance(2_000m, 1_200m, 200m);
        Assert.Null(LedgerRules.CheckCommit(b, 600m));
        Assert.Equal(LedgerRules.InsufficientCode, LedgerRules.CheckCommit(b, 600.01m)?.Code);
        Assert.Equal(LedgerRules.CorrectionTooLargeCode, LedgerRules.CheckAllocation(b, -600.01m)?.Code);
        Assert.Equal(LedgerRules.TransferTooMuchCode, LedgerRules.CheckTransfer(b, 601m)?.Code);
    }

    [Fact]
    public void Burn_rate_compares_the_share_spent_with_the_share_of_the_year_passed()
    {
        var (spent, passed) = new BudgetBalance(100_000m, 20_000m, 30_000m).BurnRate(new DateOnly(2026, 7, 2), 2026);
        Assert.Equal(0.5m, spent);
        Assert.Equal(decimal.Round(183m / 365m, 4), passed);
    }

    [Fact]
    public void The_avoided_cost_is_the_alternative_minus_the_spend_and_never_negative()
    {
        var crisis = Tariffs.Defaults.Single(t => t.Code == "crisisplaatsing-jeugd");
        var eviction = Tariffs.Defaults.Single(t => t.Code == "huisuitzetting");
        var c = new CostComparison("Uitzetting en crisisplaatsing",
            [new(Guid.NewGuid(), eviction.Code, eviction.Name, eviction.Unit, eviction.Amount, eviction.Source, 1m), new(Guid.NewGuid(), crisis.Code, crisis.Name, crisis.Unit, crisis.Amount, crisis.Source, 6m)]);
        Assert.Equal(23_500.02m, c.AlternativeTotal);
        Assert.Equal(21_700.02m, c.AvoidedEstimate(1_800m));
        Assert.Equal(0m, c.AvoidedEstimate(30_000m));
        Assert.All(Tariffs.Defaults, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
        Assert.Equal(Tariffs.QuantityInvalidCode, CostComparison.ParseQuantity("-1", "x").Error?.Code);
        Assert.Equal(0.5m, CostComparison.ParseQuantity("0,5", "x").Value);
    }
}
