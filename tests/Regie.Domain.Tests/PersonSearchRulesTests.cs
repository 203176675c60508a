using Regie.Domain.Common;
using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class PersonSearchRulesTests
{
    [Fact]
    public void A_search_of_more_than_200_characters_is_too_long()
    {
        var error = PersonSearchRules.CheckQuery(new string('a', 201));
        Assert.Equal((TextRules.TooLongCode, "q"), (error?.Code, error?.Field));
        Assert.Null(PersonSearchRules.CheckQuery(new string('a', 200)));
    }

    [Fact]
    public void A_search_of_less_than_two_characters_is_too_short()
    {
        var error = PersonSearchRules.CheckQuery("a");
        Assert.Equal((PersonSearchRules.TooShortCode, "q"), (error?.Code, error?.Field));
        Assert.Null(PersonSearchRules.CheckQuery("ab"));
    }

    [Fact]
    public void A_name_search_needs_two_letters_of_the_surname()
    {
        var error = PersonSearchRules.NameTooShort();
        Assert.Equal((PersonSearchRules.TooShortCode, "q"), (error.Code, error.Field));
    }
}
