using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class TextTests
{
    [Fact]
    public void A_text_within_the_limit_is_kept_as_it_is() => Assert.Equal("Hulp bij de administratie", Text.Truncate("Hulp bij de administratie", 25));

    [Fact]
    public void A_text_over_the_limit_is_cut_to_the_limit_and_ends_in_an_ellipsis() =>
        Assert.Equal("Hulp bij de…", Text.Truncate("Hulp bij de administratie", 12));

    [Fact]
    public void A_character_of_two_utf16_units_is_never_split()
    {
        // "👍" is two UTF-16 units; cutting between them would leave half a character that PostgreSQL refuses.
        Assert.Equal("abc…", Text.Truncate("abc👍def", 5));
        Assert.Equal("abc👍…", Text.Truncate("abc👍def", 6));
    }

    [Theory]
    [InlineData("abc", 5, "abc")]
    [InlineData("abcdef", 4, "abcd")]
    public void An_identifier_is_cut_to_its_column_without_a_mark(string id, int max, string stored) => Assert.Equal(stored, Text.Fit(id, max));
}
