using Regie.Domain.Common;
using Regie.Domain.Safety;

namespace Regie.Domain.Tests;

public sealed class AfwegingskaderTests
{
    private static (IReadOnlyList<WeighingAnswer>? Answers, ErrorList Errors) Weigh(params string?[] answers)
    {
        var errors = new ErrorList();
        var given = answers.Select((a, i) => (Question: i + 1, Answer: a)).ToDictionary(x => x.Question, x => x.Answer);
        var reasonings = given.Keys.ToDictionary(q => q, q => (string?)$"onderbouwing {q}");
        return (Afwegingskader.Parse(given, reasonings, errors), errors);
    }

    [Theory]
    [InlineData(new[] { "Nee" }, WeighingOutcome.GeenVermoeden)]
    [InlineData(new[] { "Ja", "Ja" }, WeighingOutcome.Melden)]
    [InlineData(new[] { "Ja", "Nee", "Nee" }, WeighingOutcome.Melden)]
    [InlineData(new[] { "Ja", "Nee", "Ja", "Nee" }, WeighingOutcome.Melden)]
    [InlineData(new[] { "Ja", "Nee", "Ja", "Ja", "Nee" }, WeighingOutcome.Melden)]
    [InlineData(new[] { "Ja", "Nee", "Ja", "Ja", "Ja" }, WeighingOutcome.HulpOrganiseren)]
    public void The_answers_lead_to_the_outcome_of_the_afwegingskader(string[] answers, WeighingOutcome expected)
    {
        var (parsed, errors) = Weigh(answers);
        Assert.Empty(errors.Errors);
        Assert.Equal(answers.Length, parsed!.Count);
        Assert.Equal(expected, Afwegingskader.Outcome(parsed));
    }

    [Fact]
    public void Answers_after_the_one_that_settles_it_are_not_asked_and_are_ignored()
    {
        var (parsed, errors) = Weigh("Nee", "Ja", "Nee", "Nee", "Ja");
        Assert.Empty(errors.Errors);
        var only = Assert.Single(parsed!);
        Assert.Equal(new WeighingAnswer(1, false, "onderbouwing 1"), only);
        Assert.Equal(WeighingOutcome.GeenVermoeden, Afwegingskader.Outcome(parsed!));
    }

    [Fact]
    public void A_weighing_that_stops_before_it_is_settled_asks_for_the_next_answer()
    {
        var (parsed, errors) = Weigh("Ja", "Nee");
        Assert.Null(parsed);
        var error = Assert.Single(errors.Errors);
        Assert.Equal((Afwegingskader.AnswerRequiredCode, "Afweging[3]"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("misschien")]
    [InlineData("ja")]
    public void An_answer_other_than_ja_or_nee_is_no_answer(string? answer)
    {
        var (parsed, errors) = Weigh(answer);
        Assert.Null(parsed);
        Assert.Equal([(Afwegingskader.AnswerRequiredCode, "Afweging[1]")], errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Every_answer_needs_its_reasoning()
    {
        var errors = new ErrorList();
        var parsed = Afwegingskader.Parse(new Dictionary<int, string?> { [1] = "Ja", [2] = "Ja" },
            new Dictionary<int, string?> { [1] = "Blauwe plekken gezien en door de school gemeld.", [2] = "   " }, errors);
        Assert.Null(parsed);
        Assert.Equal([(Afwegingskader.ReasoningRequiredCode, "Onderbouwing[2]")], errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void A_reasoning_longer_than_the_limit_is_refused_once_as_too_long()
    {
        var errors = new ErrorList();
        Afwegingskader.Parse(new Dictionary<int, string?> { [1] = "Nee" },
            new Dictionary<int, string?> { [1] = new string('x', Afwegingskader.ReasoningMaxLength + 1) }, errors);
        Assert.Equal([(TextRules.TooLongCode, "Onderbouwing[1]")], errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Reasonings_are_kept_trimmed_with_their_answers_in_question_order()
    {
        var errors = new ErrorList();
        var parsed = Afwegingskader.Parse(new Dictionary<int, string?> { [2] = "Ja", [1] = "Ja" },
            new Dictionary<int, string?> { [1] = "  vermoeden  ", [2] = "structureel" }, errors);
        Assert.Equal([new WeighingAnswer(1, true, "vermoeden"), new WeighingAnswer(2, true, "structureel")], parsed);
    }

    [Fact]
    public void The_questions_are_the_five_of_the_afwegingskader_in_order_and_each_outcome_has_a_label()
    {
        Assert.Equal(5, Afwegingskader.Questions.Count);
        Assert.All(Afwegingskader.Questions.Select((q, i) => (q, i)), x => Assert.StartsWith($"Afweging {x.i + 1}:", x.q));
        Assert.Contains("Veilig Thuis", Afwegingskader.Label(WeighingOutcome.Melden));
        Assert.Equal(3, Enum.GetValues<WeighingOutcome>().Select(Afwegingskader.Label).Distinct().Count());
    }

    [Fact]
    public void An_incomplete_weighing_has_no_outcome() =>
        Assert.Throws<InvalidOperationException>(() => Afwegingskader.Outcome([new WeighingAnswer(1, true, "x")]));
}
