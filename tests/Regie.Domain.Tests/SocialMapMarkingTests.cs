using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Domain.SocialMap;

namespace Regie.Domain.Tests;

/// <summary>Issue 19: the admin's marking of a service and the postcode table's lines are <see cref="MarkingRules"/> and <see cref="PostcodeAreaRules"/>.</summary>
public sealed class SocialMapMarkingTests
{
    [Fact]
    public void A_marking_needs_a_kind_and_only_known_domains_and_skips_empty_ones()
    {
        var errors = new ErrorList();
        var marks = MarkingRules.Check("nulde-lijn", ["Financien", " ", "Huisvesting"], errors);
        Assert.False(errors.HasErrors);
        Assert.Equal(ServiceKind.NuldeLijn, marks!.Kind);
        Assert.Equal([ZrmDomain.Financien, ZrmDomain.Huisvesting], marks.Domains);
        Assert.Null(MarkingRules.Check(null, ["Geluk"], errors));
        Assert.Equal([(MarkingRules.KindRequiredCode, "Soort"), (SearchRules.DomainInvalidCode, "Leefgebieden")], errors.Errors.Select(e => (e.Code, e.Field)));
        Assert.Equal((MarkingRules.ProviderInvalidCode, "Aanbieder"), (MarkingRules.ProviderInvalid().Code, MarkingRules.ProviderInvalid().Field));
    }

    [Theory]
    [InlineData("9911;53.3123;6.8234;Molenwijk", "9911", 53.3123, 6.8234, "Molenwijk")]
    [InlineData("9921,53.05,6.0", "9921", 53.05, 6.0, null)]
    public void A_postcode_line_gives_the_area_and_its_centre(string line, string pc4, double lat, double lon, string? name) =>
        Assert.Equal(new PostcodeAreaLine(pc4, lat, lon, name), PostcodeAreaRules.Parse(line));

    [Theory]
    [InlineData("0911;53.3;6.8")]
    [InlineData("991;53.3;6.8")]
    [InlineData("99AB;53.3;6.8")]
    [InlineData("9911;53,3;6,8")]
    [InlineData("9911;48.8;2.3")]
    [InlineData("9911;53.3")]
    public void A_line_that_is_not_an_area_in_the_netherlands_is_refused(string line) => Assert.Null(PostcodeAreaRules.Parse(line));

    [Fact]
    public void Only_the_first_line_naming_pc4_is_the_header()
    {
        Assert.True(PostcodeAreaRules.IsHeader(1, "PC4;breedtegraad;lengtegraad;naam"));
        Assert.False(PostcodeAreaRules.IsHeader(2, "pc4;breedtegraad;lengtegraad;naam"));
        Assert.False(PostcodeAreaRules.IsHeader(1, "9911;53.3;6.8"));
        Assert.StartsWith("Regel 7:", PostcodeAreaRules.Rejected(7));
    }
}
