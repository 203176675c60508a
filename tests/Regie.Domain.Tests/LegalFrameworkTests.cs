using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class LegalFrameworkTests
{
    [Theory]
    [InlineData("Wmo2015", LegalFramework.Wmo2015)]
    [InlineData("Jeugdwet", LegalFramework.Jeugdwet)]
    [InlineData("Wgs", LegalFramework.Wgs)]
    public void A_framework_is_read_by_its_stored_name(string name, LegalFramework expected) => Assert.Equal(expected, LegalFrameworks.Parse(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Wmo 2015")]
    [InlineData("Bijstand")]
    [InlineData("42")]
    public void What_names_no_framework_is_none(string? name) => Assert.Null(LegalFrameworks.Parse(name));

    [Fact]
    public void A_worker_choosing_an_unknown_framework_gets_framework_invalid_on_the_field()
    {
        var errors = new ErrorList();
        Assert.Equal([LegalFramework.Jeugdwet, LegalFramework.Wmo2015], LegalFrameworks.ParseChosen(["Jeugdwet", "Bijstand", "Wmo2015"], "Kaders", errors));
        Assert.Equal([(LegalFrameworks.InvalidCode, "Kaders")], errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void A_stored_list_skips_names_that_are_no_framework() =>
        Assert.Equal([LegalFramework.Wmo2015, LegalFramework.Wgs], LegalFrameworks.ParseList("Wgs, Oud,Wmo2015,7,Wgs"));
}
