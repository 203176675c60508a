using Regie.Domain.Common;
using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class PostcodeAndAddressTests
{
    [Theory]
    [InlineData("1234AB", "1234AB")]
    [InlineData("1234 ab", "1234AB")]
    [InlineData(" 9911 zx ", "9911ZX")]
    public void Postcode_is_stored_without_space_in_capitals(string input, string stored)
    {
        var pc = Postcode.Parse(input);
        Assert.True(pc.IsValid);
        Assert.Equal(stored, pc.Value.Value);
        Assert.Equal(stored[..4] + " " + stored[4..], pc.Value.Display);
    }

    [Theory]
    [InlineData("0123AB")] // first digit 0
    [InlineData("1234SA")]
    [InlineData("1234SD")]
    [InlineData("1234SS")]
    [InlineData("123AB")]
    [InlineData("12345A")]
    [InlineData("1234-AB")]
    [InlineData("")]
    public void Impossible_postcode_gets_postcode_invalid(string input)
    {
        var pc = Postcode.Parse(input);
        Assert.False(pc.IsValid);
        Assert.Equal(Postcode.InvalidCode, pc.Error!.Code);
    }

    [Fact]
    public void Address_collects_every_field_error_at_once()
    {
        var errors = new ErrorList();
        var address = Address.Create(null, "0", "AB", "TOOLONG", "0000XX", "", null, null, errors);
        Assert.Null(address);
        var codes = errors.Errors.Select(e => e.Code).ToHashSet();
        Assert.Contains(Postcode.InvalidCode, codes);
        Assert.Contains(Address.HuisnummerCode, codes);
        Assert.Contains(Address.HuisletterCode, codes);
        Assert.Contains(Address.ToevoegingCode, codes);
        Assert.Contains(TextRules.RequiredCode, codes);
    }

    [Fact]
    public void Address_is_written_the_Dutch_way()
    {
        var errors = new ErrorList();
        var a = Address.Create("Dorpsstraat", "12", "a", "2", "9911ab", "Voorbeeld", "Noord", null, errors)!;
        Assert.False(errors.HasErrors);
        Assert.Equal("Dorpsstraat 12A-2", a.Line1);
        Assert.Equal("9911 AB Voorbeeld", a.Line2);
        Assert.Equal("Dorpsstraat 12A-2, 9911 AB Voorbeeld", Address.OneLine("Dorpsstraat", 12, "A", "2", "9911AB", "Voorbeeld"));
    }

    [Theory]
    [InlineData("0363", "0363")]
    [InlineData("GM0363", "0363")]
    public void Gemeentecode_has_four_digits(string input, string code) => Assert.Equal(code, Gemeentecode.Parse(input).Value.Value);

    [Theory]
    [InlineData("363")]
    [InlineData("03634")]
    [InlineData("abcd")]
    public void Gemeentecode_with_other_than_four_digits_is_refused(string input) =>
        Assert.Equal(Gemeentecode.InvalidCode, Gemeentecode.Parse(input).Error!.Code);
}
