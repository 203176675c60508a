using Regie.Domain.Assessment;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class ZrmTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Dictionary<ZrmDomain, int?> Scores(params (ZrmDomain D, int? S)[] given)
    {
        var all = Zrm.Domains.ToDictionary(d => d, _ => (int?)null);
        foreach (var (d, s) in given) all[d] = s;
        return all;
    }

    [Fact]
    public void Thirteen_domains_with_their_Dutch_names_and_five_scale_labels()
    {
        Assert.Equal(13, Zrm.Domains.Count);
        Assert.Equal("Financiën", Zrm.Label(ZrmDomain.Financien));
        Assert.Equal("Instrumentele ADL", Zrm.Label(ZrmDomain.InstrumenteleAdl));
        Assert.Equal(["acute problematiek", "niet zelfredzaam", "beperkt zelfredzaam", "voldoende zelfredzaam", "volledig zelfredzaam"],
            Enumerable.Range(1, 5).Select(Zrm.ScaleLabel));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Score_outside_one_to_five_is_refused(int score)
    {
        var errors = new ErrorList();
        Zrm.Validate(Scores((ZrmDomain.Huisvesting, score)), Today, Today, errors);
        Assert.Equal(Zrm.ScoreInvalidCode, Assert.Single(errors.Errors).Code);
    }

    [Fact]
    public void An_assessment_must_score_something_and_describe_the_last_30_days()
    {
        var errors = new ErrorList();
        Zrm.Validate(Scores(), Today, Today, errors);
        Assert.Equal(Zrm.NothingAssessedCode, Assert.Single(errors.Errors).Code);

        errors = new ErrorList();
        Zrm.Validate(Scores((ZrmDomain.Financien, 2)), Today.AddDays(-31), Today, errors);
        Assert.Equal(Zrm.DateTooOldCode, Assert.Single(errors.Errors).Code);

        errors = new ErrorList();
        Zrm.Validate(Scores((ZrmDomain.Financien, 2)), Today.AddDays(-30), Today, errors);
        Assert.False(errors.HasErrors);
    }

    [Fact]
    public void An_assessment_as_typed_is_read_per_domain_with_today_as_its_default_date()
    {
        var today = new DateOnly(2026, 11, 22);
        var errors = new ErrorList();
        var parsed = Zrm.Parse(null, new Dictionary<ZrmDomain, string?> { [ZrmDomain.Financien] = "2", [ZrmDomain.Justitie] = " " }, today, errors);
        Assert.Empty(errors.Errors);
        Assert.Equal(today, parsed!.Value.On);
        Assert.Equal(2, parsed.Value.Scores[ZrmDomain.Financien]);
        Assert.Equal(Zrm.Domains.Count - 1, parsed.Value.Scores.Count(kv => kv.Value is null));

        var notANumber = new ErrorList();
        Assert.Null(Zrm.Parse("21-11-2026", new Dictionary<ZrmDomain, string?> { [ZrmDomain.Financien] = "veel" }, today, notANumber));
        Assert.Equal([Zrm.ScoreInvalidCode], notANumber.Errors.Select(e => e.Code));

        // A date that cannot be read is the whole answer: the scores are not judged against a date nobody meant.
        var badDate = new ErrorList();
        Assert.Null(Zrm.Parse("gisteren", new Dictionary<ZrmDomain, string?>(), today, badDate));
        Assert.Equal([Zrm.DateInvalidCode], badDate.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Household_summary_takes_the_weakest_member_and_the_change_since_the_first_assessment()
    {
        var mother = Guid.NewGuid();
        var son = Guid.NewGuid();
        var summary = Zrm.Summarise(
        [
            (mother, new DateOnly(2026, 1, 1), Scores((ZrmDomain.Financien, 1), (ZrmDomain.Huisvesting, 2))),
            (mother, new DateOnly(2026, 6, 1), Scores((ZrmDomain.Financien, 3), (ZrmDomain.Huisvesting, 4))),
            (son, new DateOnly(2026, 6, 1), Scores((ZrmDomain.Financien, 4), (ZrmDomain.Huisvesting, 3))),
        ]);
        var financien = summary.Single(s => s.Domain == ZrmDomain.Financien);
        Assert.Equal(3, financien.Lowest);
        Assert.Equal(1, financien.LowestAtFirst);
        Assert.Equal(2, financien.Change);
        var huisvesting = summary.Single(s => s.Domain == ZrmDomain.Huisvesting);
        Assert.Equal(3, huisvesting.Lowest); // the son's 3 is now the weakest
        Assert.Equal(2, huisvesting.LowestAtFirst);
        Assert.Null(summary.Single(s => s.Domain == ZrmDomain.Justitie).Lowest);
    }
}
