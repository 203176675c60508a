using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_field_with_its_own_missing_message_says_that_message_when_left_empty(string? value)
    {
        var result = TextRules.Required(value, "Uitkomst", "de uitkomst", 10, "eigen-code", "Schrijf de uitkomst.");
        Assert.Equal(("eigen-code", "Uitkomst", "Schrijf de uitkomst."), (result.Error!.Code, result.Error.Field, result.Error.Message));
    }

    [Fact]
    public void A_field_with_its_own_missing_message_keeps_the_length_and_character_rules()
    {
        Assert.Equal(TextRules.TooLongCode, TextRules.Required("elf tekens!", "Uitkomst", "de uitkomst", 10, "eigen-code", "x").Error!.Code);
        Assert.Equal(TextRules.ControlCharsCode, TextRules.Required("a\u0001b", "Uitkomst", "de uitkomst", 10, "eigen-code", "x").Error!.Code);
        Assert.Equal("goed", TextRules.Required("  goed ", "Uitkomst", "de uitkomst", 10, "eigen-code", "x").Value);
    }

    [Fact]
    public void A_name_stands_on_one_line()
    {
        foreach (var broken in new[] { "Oma\nJoke", "Oma\r\nJoke", "Oma\tJoke" })
        {
            var refused = TextRules.RequiredLine(broken, "Naam", "de naam", 50, "eigen-code", "x");
            Assert.Equal((TextRules.ControlCharsCode, "Naam", "De naam staat op één regel: zonder regeleinden of tabs."), (refused.Error!.Code, refused.Error.Field, refused.Error.Message));
        }
        Assert.Equal("Oma Joke", TextRules.RequiredLine(" Oma Joke ", "Naam", "de naam", 50, "eigen-code", "x").Value);
        Assert.Equal("eigen-code", TextRules.RequiredLine(" ", "Naam", "de naam", 50, "eigen-code", "x").Error!.Code);
    }
}
