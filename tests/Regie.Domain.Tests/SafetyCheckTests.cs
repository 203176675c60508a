using Regie.Domain.Common;
using Regie.Domain.Safety;

namespace Regie.Domain.Tests;

public sealed class SafetyCheckTests
{
    private static Dictionary<string, string?> All(string answer) => SafetyCheck.Questions.ToDictionary(q => q.Key, _ => (string?)answer);

    private static (SafetyCheckResult? Result, ErrorList Errors) Check(Dictionary<string, string?> answers, string? judgement, string? explanation = null)
    {
        var errors = new ErrorList();
        return (SafetyCheck.Parse(answers, judgement, explanation, errors), errors);
    }

    [Fact]
    public void All_no_and_safe_needs_no_explanation_and_is_no_concern()
    {
        var (result, errors) = Check(All("Nee"), "Veilig");
        Assert.Empty(errors.Errors);
        Assert.Equal(SafetyJudgement.Veilig, result!.Judgement);
        Assert.False(result.IsConcern);
        Assert.Null(result.Toelichting);
        Assert.Equal("", result.Signals());
    }

    [Fact]
    public void Every_question_must_be_answered()
    {
        var answers = All("Nee");
        answers.Remove("kind");
        answers["dreiging"] = "misschien";
        var (result, errors) = Check(answers, "Veilig");
        Assert.Null(result);
        Assert.Equal([(SafetyCheck.AnswerRequiredCode, "Veiligheid[kind]"), (SafetyCheck.AnswerRequiredCode, "Veiligheid[dreiging]")],
            errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Gevaarlijk")]
    [InlineData("7")]
    public void A_judgement_must_be_veilig_zorgen_or_acuut(string? judgement)
    {
        var (result, errors) = Check(All("Nee"), judgement);
        Assert.Null(result);
        Assert.Equal([(SafetyCheck.JudgementInvalidCode, "VeiligheidOordeel")], errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Safe_while_a_question_was_answered_yes_needs_an_explanation()
    {
        var answers = All("Nee");
        answers["geweld"] = "Ja";
        var (result, errors) = Check(answers, "Veilig");
        Assert.Null(result);
        var error = Assert.Single(errors.Errors);
        Assert.Equal((SafetyCheck.ExplanationRequiredCode, "VeiligheidToelichting"), (error.Code, error.Field));
        Assert.Contains("leg uit waarom", error.Message);

        var (explained, none) = Check(answers, "Veilig", "Ruzie twee jaar geleden, sindsdien gescheiden en geen contact.");
        Assert.Empty(none.Errors);
        Assert.False(explained!.IsConcern);
    }

    [Theory]
    [InlineData("Zorgen")]
    [InlineData("Acuut")]
    public void A_concern_needs_the_signals_described(string judgement)
    {
        var (result, errors) = Check(All("Nee"), judgement, "  ");
        Assert.Null(result);
        Assert.Equal([(SafetyCheck.ExplanationRequiredCode, "VeiligheidToelichting")], errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void The_signals_of_a_concern_are_the_questions_answered_yes_or_unknown_and_the_explanation()
    {
        var answers = All("Nee");
        answers["kind"] = "Ja";
        answers["dreiging"] = "Onbekend";
        var (result, errors) = Check(answers, "Zorgen", " Moeder vertelt dat de oudste zoon 's nachts wordt opgesloten. ");
        Assert.Empty(errors.Errors);
        Assert.True(result!.IsConcern);
        Assert.Equal(string.Join("\n",
            SafetyCheck.Questions[1].Text + " Ja.",
            SafetyCheck.Questions[4].Text + " Onbekend.",
            "Moeder vertelt dat de oudste zoon 's nachts wordt opgesloten."), result.Signals());
    }

    [Fact]
    public void An_explanation_longer_than_the_limit_is_refused()
    {
        var (result, errors) = Check(All("Nee"), "Zorgen", new string('x', SafetyCheck.ToelichtingMaxLength + 1));
        Assert.Null(result);
        Assert.Equal([(TextRules.TooLongCode, "VeiligheidToelichting")], errors.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void The_advice_for_acute_danger_is_to_call_veilig_thuis_or_112_now()
    {
        Assert.Contains("112", SafetyCheck.Advice(SafetyJudgement.Acuut));
        Assert.Contains("0800-2000", SafetyCheck.Advice(SafetyJudgement.Acuut));
        Assert.Contains("stap 2", SafetyCheck.Advice(SafetyJudgement.Zorgen));
    }

    [Fact]
    public void Answers_are_stored_in_question_order_and_read_back()
    {
        var answers = SafetyCheck.Questions.ToDictionary(q => q.Key, q => q.Key == "basiszorg" ? SafetyAnswer.Onbekend : SafetyAnswer.Nee);
        var stored = SafetyCheck.ToStored(answers);
        Assert.Equal("geweld=Nee;kind=Nee;basiszorg=Onbekend;afhankelijk=Nee;dreiging=Nee", stored);
        Assert.Equal(answers, SafetyCheck.FromStored(stored));
    }

    [Fact]
    public void The_key_pattern_of_the_api_document_names_exactly_the_questions() =>
        Assert.Equal(SafetyCheck.KeyPattern, $"({string.Join('|', SafetyCheck.Questions.Select(q => q.Key))})");
}
