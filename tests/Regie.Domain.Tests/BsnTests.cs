using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class BsnTests
{
    [Theory]
    [InlineData("123456782")]
    [InlineData("999900006")]
    [InlineData("1234.56.782")]
    [InlineData(" 123456782 ")]
    public void Worker_types_a_valid_bsn_and_it_is_accepted(string input)
    {
        var bsn = Bsn.Parse(input);
        Assert.True(bsn.IsValid);
        Assert.Equal(9, bsn.Value.Value.Length);
    }

    [Theory]
    [InlineData("123456781")] // eleven-test fails
    [InlineData("000000000")] // passes the sum but is excluded
    [InlineData("12345678")] // padded to 012345678, which fails the eleven-test
    [InlineData("1234567890")]
    [InlineData("12345678a")]
    [InlineData("")]
    [InlineData(null)]
    public void Worker_types_an_invalid_bsn_and_gets_bsn_invalid(string? input)
    {
        var bsn = Bsn.Parse(input);
        Assert.False(bsn.IsValid);
        Assert.Equal(Bsn.InvalidCode, bsn.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(bsn.Error.Message));
    }

    [Fact]
    public void Eleven_test_weights_the_last_digit_minus_one()
    {
        // 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8 = 156; 156 − 2 = 154 = 11·14.
        Assert.True(Bsn.PassesElevenTest("123456782"));
        Assert.False(Bsn.PassesElevenTest("123456783"));
    }

    [Fact]
    public void Synthetic_data_only_gets_valid_numbers_from_the_test_range()
    {
        var numbers = Bsn.TestNumbers().ToList();
        Assert.InRange(numbers.Count, 9_000, 9_200);
        Assert.All(numbers, n =>
        {
            Assert.True(Bsn.Parse(n).IsValid);
            Assert.True(Bsn.Parse(n).Value.IsTestNumber);
        });
        Assert.Equal("999900006", numbers[0]);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }
}
