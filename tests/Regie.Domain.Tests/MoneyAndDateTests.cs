using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class MoneyAndDateTests
{
    [Theory]
    [InlineData("1234.56", "€ 1.234,56")]
    [InlineData("0", "€ 0,00")]
    [InlineData("1800", "€ 1.800,00")]
    [InlineData("-40000.5", "€ -40.000,50")]
    public void Money_is_shown_in_Dutch_notation(string amount, string shown) =>
        Assert.Equal(shown, new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void Money_adds_up_to_the_cent()
    {
        var total = Money.Zero;
        for (var i = 0; i < 10; i++) total += Money.Euro(0.1m);
        Assert.Equal(1.00m, total.Amount);
    }

    [Fact]
    public void Dates_are_written_day_month_year() => Assert.Equal("22-11-2026", DutchDate.Format(new DateOnly(2026, 11, 22)));

    [Theory]
    [InlineData("0.001")]
    [InlineData("0.015")]
    [InlineData("0.009")]
    [InlineData("01.000")]
    [InlineData("1.23.4")]
    [InlineData("12.3456")]
    [InlineData("1.2345")]
    [InlineData("1,000.50")]
    [InlineData("1e3")]
    [InlineData(".5")]
    public void An_amount_that_could_be_misread_is_refused_not_guessed(string text) => Assert.False(Money.TryParseEuro(text, out _));

    [Theory]
    [InlineData("1.234", "1234")]
    [InlineData("1.234.567,89", "1234567.89")]
    [InlineData("-1.800,50", "-1800.50")]
    [InlineData("0.01", "0.01")]
    [InlineData("12,345", "12.345")]
    public void An_amount_is_read_the_Dutch_way_or_with_a_decimal_point(string text, string expected)
    {
        Assert.True(Money.TryParseEuro(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }
}
