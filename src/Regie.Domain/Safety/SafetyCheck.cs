using Regie.Domain.Common;

namespace Regie.Domain.Safety;

/// <summary>An answer to one question of the safety check: unknown is an answer too (nobody could tell yet).</summary>
public enum SafetyAnswer
{
    Nee,
    Ja,
    Onbekend,
}

/// <summary>The professional's judgement after the check on basic care and safety.</summary>
public enum SafetyJudgement
{
    /// <summary>No signals: nothing further under the Meldcode.</summary>
    Veilig,
    /// <summary>Signals or doubt: a Meldcode track opens with the signals of this check.</summary>
    Zorgen,
    /// <summary>Acute danger: a Meldcode track opens, and Veilig Thuis (or 112) is called now, not after the steps.</summary>
    Acuut,
}

/// <summary>One question of the check on basic care and safety (basisveiligheid) that every intake asks.</summary>
public sealed record SafetyQuestion(string Key, string Text);

/// <summary>The answers of one intake's safety check and the judgement drawn from them.</summary>
public sealed record SafetyCheckResult(IReadOnlyDictionary<string, SafetyAnswer> Answers, SafetyJudgement Judgement, string? Toelichting)
{
    /// <summary>A concern opens a Meldcode track and marks the household "veiligheid" for those who may open the file.</summary>
    public bool IsConcern => Judgement != SafetyJudgement.Veilig;

    /// <summary>The signals as the first step of the track records them: the questions answered yes or unknown, and the explanation.</summary>
    public string Signals() =>
        string.Join("\n", SafetyCheck.Questions.Where(q => Answers[q.Key] != SafetyAnswer.Nee)
            .Select(q => $"{q.Text} {(Answers[q.Key] == SafetyAnswer.Ja ? "Ja" : "Onbekend")}.")
            .Append(Toelichting ?? "").Where(s => s.Length > 0));
}

/// <summary>
/// The check on basic care and safety at intake. The questions follow what the Meldcode huiselijk geweld en
/// kindermishandeling asks a professional to notice (violence between (ex-)partners, child abuse and neglect,
/// abuse of elderly or dependent adults, threat); the judgement is the professional's, and Regie only refuses a
/// judgement "veilig" over a "ja" without an explanation.
/// </summary>
public static class SafetyCheck
{
    public const int ToelichtingMaxLength = 2000;
    public const string AnswerRequiredCode = "safety-answer-required";
    public const string JudgementInvalidCode = "safety-judgement-invalid";
    public const string ExplanationRequiredCode = "safety-explanation-required";

    /// <summary>The keys of <see cref="Questions"/> as a pattern, for the API document (a test holds the two together).</summary>
    public const string KeyPattern = "(geweld|kind|basiszorg|afhankelijk|dreiging)";

    public static readonly IReadOnlyList<SafetyQuestion> Questions =
    [
        new("geweld", "Zijn er signalen van huiselijk geweld tussen (ex-)partners of gezinsleden (lichamelijk, psychisch of seksueel)?"),
        new("kind", "Zijn er signalen van kindermishandeling of verwaarlozing, of is een kind getuige van geweld thuis?"),
        new("basiszorg", "Schiet de basiszorg tekort: eten, onderdak, hygiëne, medische zorg of toezicht op de kinderen?"),
        new("afhankelijk", "Zijn er signalen van mishandeling, verwaarlozing of financiële uitbuiting van een oudere of afhankelijke volwassene?"),
        new("dreiging", "Voelt iemand in het huishouden zich thuis bedreigd of onveilig?"),
    ];

    /// <summary>
    /// Reads the answers (question key → "Nee"/"Ja"/"Onbekend"), the judgement and the explanation. Every question is
    /// answered; a judgement "Veilig" while a question was answered "Ja" needs an explanation, and so do "Zorgen" and "Acuut".
    /// </summary>
    public static SafetyCheckResult? Parse(IReadOnlyDictionary<string, string?> answers, string? judgement, string? toelichting, ErrorList errors)
    {
        var parsed = new Dictionary<string, SafetyAnswer>();
        foreach (var q in Questions)
        {
            if (answers.TryGetValue(q.Key, out var text) && Enums.ParseDefined<SafetyAnswer>(text) is { } answer) parsed[q.Key] = answer;
            else errors.Add(new DomainError(AnswerRequiredCode, $"Veiligheid[{q.Key}]", "Beantwoord deze vraag: ja, nee of onbekend."));
        }
        var judged = Enums.ParseDefined<SafetyJudgement>(judgement);
        if (judged is null) errors.Add(new DomainError(JudgementInvalidCode, "VeiligheidOordeel", "Kies uw oordeel: veilig, zorgen of acuut onveilig."));
        var explanation = errors.Take(TextRules.Optional(toelichting, "VeiligheidToelichting", "de toelichting", ToelichtingMaxLength));
        // A too long or unreadable explanation is refused once, as that, not also as missing.
        var unreadable = errors.Errors.Any(e => e.Field == "VeiligheidToelichting");
        if (judged is { } j && explanation is null && !unreadable && (j != SafetyJudgement.Veilig || parsed.ContainsValue(SafetyAnswer.Ja)))
            errors.Add(new DomainError(ExplanationRequiredCode, "VeiligheidToelichting", j == SafetyJudgement.Veilig
                ? "U beantwoordde een vraag met ja en oordeelt toch veilig: leg uit waarom."
                : "Beschrijf wat u zag of hoorde, van wie en wanneer: dit wordt stap 1 van de meldcode."));
        return errors.HasErrors || judged is null ? null : new SafetyCheckResult(parsed, judged.Value, explanation);
    }

    /// <summary>What Regie tells the professional after the judgement, in the words of the Meldcode.</summary>
    public static string Advice(SafetyJudgement judgement) => judgement switch
    {
        SafetyJudgement.Acuut => "Acuut onveilig: bel nu Veilig Thuis (0800-2000) of bij direct gevaar 112. Leg daarna de stappen van de meldcode vast.",
        SafetyJudgement.Zorgen => "Er is een meldcodetraject geopend met deze signalen. Overleg met een collega of de aandachtsfunctionaris (stap 2).",
        _ => "Geen zorgen over de veiligheid vastgelegd.",
    };

    /// <summary>Answers as stored: "geweld=Nee;kind=Ja;…" in the order of <see cref="Questions"/>.</summary>
    public static string ToStored(IReadOnlyDictionary<string, SafetyAnswer> answers) =>
        string.Join(';', Questions.Select(q => $"{q.Key}={answers[q.Key]}"));

    public static IReadOnlyDictionary<string, SafetyAnswer> FromStored(string stored) =>
        stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('='))
            .Where(p => p.Length == 2 && Enum.TryParse<SafetyAnswer>(p[1], out _))
            .ToDictionary(p => p[0], p => Enum.Parse<SafetyAnswer>(p[1]));
}
