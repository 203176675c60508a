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
}
