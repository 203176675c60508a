using Regie.Domain.Common;
using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class PersonRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("03-07-1985", 1985, 7, 3)]
    [InlineData("3-7-1985", 1985, 7, 3)]
    [InlineData("1985-07-03", 1985, 7, 3)]
    [InlineData("22-11-2026", 2026, 11, 22)]
    public void Birth_date_is_read_as_Dutch_date(string input, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), BirthDate.Parse(input, Today).Value);

    [Theory]
    [InlineData("23-11-2026", BirthDate.FutureCode)]
    [InlineData("31-02-2000", BirthDate.InvalidCode)]
    [InlineData("07-03", BirthDate.InvalidCode)]
    [InlineData("01-01-1880", BirthDate.ImplausibleCode)]
    [InlineData("", BirthDate.InvalidCode)]
    public void Impossible_or_future_birth_date_is_refused(string input, string code) =>
        Assert.Equal(code, BirthDate.Parse(input, Today).Error!.Code);

    [Fact]
    public void Age_counts_the_birthday_itself()
    {
        Assert.Equal(41, BirthDate.AgeOn(new DateOnly(1985, 11, 22), Today));
        Assert.Equal(40, BirthDate.AgeOn(new DateOnly(1985, 11, 23), Today));
    }

    [Fact]
    public void Name_keeps_voorvoegsel_apart_for_sorting()
    {
        var errors = new ErrorList();
        var name = PersonName.Create("Jan Pieter", "Van der", "Berg", errors).Value;
        Assert.Equal("Jan Pieter van der Berg", name.FullName);
        Assert.Equal("Berg, Jan Pieter van der", name.SortName);
        Assert.Equal("berg", name.SearchKey);
    }

    [Fact]
    public void Empty_names_are_refused_with_a_message_per_field()
    {
        var errors = new ErrorList();
        var name = PersonName.Create(" ", null, "", errors);
        Assert.False(name.IsValid);
        Assert.Equal(["Voornamen", "Achternaam"], errors.Errors.Select(e => e.Field));
        Assert.All(errors.Errors, e => Assert.Equal(TextRules.RequiredCode, e.Code));
    }

    [Fact]
    public void Ten_thousand_character_name_is_refused_as_too_long()
    {
        var errors = new ErrorList();
        PersonName.Create(new string('a', 10_000), null, "Jansen", errors);
        Assert.Equal(TextRules.TooLongCode, Assert.Single(errors.Errors).Code);
    }

    [Fact]
    public void Html_in_a_name_is_kept_as_text()
    {
        var errors = new ErrorList();
        var name = PersonName.Create("<script>alert(1)</script>", null, "Jansen", errors);
        Assert.True(name.IsValid);
        Assert.Equal("<script>alert(1)</script>", name.Value.Voornamen);
    }

    [Fact]
    public void Control_characters_are_refused()
    {
        var errors = new ErrorList();
        PersonName.Create("Jan\u0000", null, "Jansen", errors);
        Assert.Equal(TextRules.ControlCharsCode, Assert.Single(errors.Errors).Code);
    }

    [Theory]
    [InlineData("Çelik-Özdemir", "celikozdemir")]
    [InlineData("d'Hondt", "dhondt")]
    [InlineData("Groß", "gross")]
    [InlineData("Ørsted", "orsted")]
    public void Search_key_ignores_accents_case_and_punctuation(string name, string key) =>
        Assert.Equal(key, PersonName.SearchKeyOf(name));

    [Theory]
    [InlineData("van der Berg", "Berg")]
    [InlineData("de Vries", "Vries")]
    [InlineData("Vries", "Vries")]
    [InlineData("Vandervelde", "Vandervelde")]
    public void Search_term_drops_a_leading_voorvoegsel(string term, string stripped) =>
        Assert.Equal(stripped, PersonName.StripPrefix(term));
}
