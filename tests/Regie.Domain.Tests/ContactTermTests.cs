using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;

namespace Regie.Domain.Tests;

/// <summary>Issue 22: the contact term of a vroegsignaal, in calendar days, or in working days when eviction or cut-off threatens.</summary>
public sealed class ContactTermTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "dd-MM-yyyy");

    [Theory]
    [InlineData("24-04-2026", "30-04-2026")] // Friday; King's Day is Monday 27 April 2026
    [InlineData("02-04-2026", "08-04-2026")] // Thursday before Easter; Easter Monday 6 April 2026
    [InlineData("23-12-2026", "29-12-2026")] // Christmas on Friday and Saturday
    [InlineData("01-07-2026", "06-07-2026")] // an ordinary Wednesday over a weekend
    public void A_threatened_eviction_must_be_answered_within_three_working_days(string received, string deadline) =>
        Assert.Equal(D(deadline), ContactTerm.Deadline(D(received), threatened: true, ContactTermSettings.Default));

    [Fact]
    public void Other_signals_within_four_weeks() =>
        Assert.Equal(D("29-07-2026"), ContactTerm.Deadline(D("01-07-2026"), threatened: false, ContactTermSettings.Default));

    [Fact]
    public void Kings_day_on_a_Sunday_is_kept_on_the_Saturday() =>
        Assert.Equal((true, false), (ContactTerm.IsPublicHoliday(D("26-04-2025")), ContactTerm.IsPublicHoliday(D("27-04-2025"))));

    [Theory]
    [InlineData(2026, "05-04-2026")]
    [InlineData(2027, "28-03-2027")]
    [InlineData(2030, "21-04-2030")]
    public void Easter_falls_where_the_calendar_says(int year, string easter) => Assert.Equal(D(easter), ContactTerm.EasterSunday(year));

    [Theory]
    [InlineData("10-07-2026", null, "11-07-2026", TermStand.TeLaat)]
    [InlineData("10-07-2026", null, "08-07-2026", TermStand.BijnaTeLaat)]
    [InlineData("10-07-2026", null, "10-07-2026", TermStand.BijnaTeLaat)]
    [InlineData("10-07-2026", null, "07-07-2026", TermStand.OpTijd)]
    [InlineData("10-07-2026", "10-07-2026", "20-07-2026", TermStand.Gehaald)]
    [InlineData("10-07-2026", "11-07-2026", "20-07-2026", TermStand.TeLaatGehaald)]
    public void The_first_attempt_meets_the_term_reached_or_not(string deadline, string? attempt, string today, TermStand stand) =>
        Assert.Equal(stand, ContactTerm.Stand(D(deadline), attempt is null ? null : D(attempt), D(today)));

    [Fact]
    public void A_term_outside_its_bounds_is_refused_at_its_field() =>
        Assert.Equal(["Contacttermijn", "SpoedTermijn"], ContactTerm.Check(0, 21).Errors.Select(e => e.Field).ToList());

    [Theory]
    [InlineData("Vervolghulp en/of verwijzing financieel", Eindresultaat.VervolghulpFinancieel)]
    [InlineData("vervolghulpfinancieel", Eindresultaat.VervolghulpFinancieel)]
    [InlineData("Niet opgepakt: herhaalde melding", Eindresultaat.HerhaaldeMelding)]
    public void Outcomes_are_read_by_name_or_by_their_DDAS_value(string typed, Eindresultaat expected)
    {
        Assert.True(DdasCodes.TryParse<Eindresultaat>(typed, out var r));
        Assert.Equal(expected, r);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("")]
    [InlineData("Opgelost")]
    public void Numbers_and_unknown_words_are_no_outcome(string typed) => Assert.False(DdasCodes.TryParse<Eindresultaat>(typed, out _));

    [Fact]
    public void An_outcome_after_speaking_the_resident_needs_a_reached_attempt()
    {
        var errors = new ErrorList();
        Assert.Null(CaseRules.CheckClosing("ZelfBetaald", attempts: 2, reached: 0, errors));
        Assert.Equal([CaseRules.ResultNeedsContactCode], errors.Errors.Select(e => e.Code).ToList());
        Assert.Equal(Eindresultaat.OnterechtSignaal, CaseRules.CheckClosing("OnterechtSignaal", 0, 0, new ErrorList()));
        Assert.Equal(Eindresultaat.GeenContact, CaseRules.CheckClosing("GeenContact", 1, 0, new ErrorList()));
    }

    [Fact]
    public void Every_outcome_maps_to_its_DDAS_value_once() =>
        Assert.Equal(15, DdasCodes.Eindresultaten.Select(DdasCodes.Label).Distinct().Count());
}
