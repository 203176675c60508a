using Regie.Domain.Common;

namespace Regie.Domain.Safety;

/// <summary>The five steps of the Meldcode huiselijk geweld en kindermishandeling. Stored by name: do not rename.</summary>
public enum MeldcodeStep
{
    /// <summary>Stap 1: signalen in kaart brengen: what was seen or heard, by whom, when.</summary>
    Signalen = 1,
    /// <summary>Stap 2: collegiale consultatie en zo nodig advies van Veilig Thuis: with whom, what was advised.</summary>
    Overleg = 2,
    /// <summary>Stap 3: gesprek met de betrokkene(n), or why it did not take place.</summary>
    Gesprek = 3,
    /// <summary>Stap 4: wegen met het afwegingskader.</summary>
    Weging = 4,
    /// <summary>Stap 5: beslissen: hulp organiseren, melden bij Veilig Thuis, of afsluiten.</summary>
    Besluit = 5,
}

public enum MeldcodeTrackStatus
{
    Open,
    Besloten,
}

/// <summary>How a track ends (step 5). Stored by name: do not rename.</summary>
public enum MeldcodeDecision
{
    /// <summary>Help is organised: goals and actions of the household plan, and often a Veilig Verder plan.</summary>
    HulpGeorganiseerd,
    /// <summary>Reported to Veilig Thuis: the date, how, its reference, what was reported and who informs the family.</summary>
    GemeldBijVeiligThuis,
    /// <summary>Closed with a reason: the weighing found no suspicion.</summary>
    Afgesloten,
}

/// <summary>With whom step 2 consulted.</summary>
public enum ConsultationPartner
{
    Collega,
    Aandachtsfunctionaris,
    VeiligThuis,
    Anders,
}

/// <summary>How the report reached Veilig Thuis.</summary>
public enum ReportChannel
{
    Telefonisch,
    Digitaal,
    Schriftelijk,
}

/// <summary>What the afwegingskader says to do.</summary>
public enum WeighingOutcome
{
    /// <summary>Question 1 is no: there is no suspicion; the track can be closed.</summary>
    GeenVermoeden,
    /// <summary>The meldnorm applies: acute or structural danger, or help cannot be organised, is not accepted or does not make it safe.</summary>
    Melden,
    /// <summary>Help can be organised, is accepted and leads to lasting safety: organise it and follow its effect.</summary>
    HulpOrganiseren,
}

/// <summary>One question of the afwegingskader (2019) with its answer and the professional's reasoning.</summary>
public sealed record WeighingAnswer(int Question, bool Answer, string Reasoning);

/// <summary>
/// The afwegingskader of the Meldcode (mandatory since 1 January 2019). Five questions, asked in order; the answers
/// decide whether the meldnorm applies. Regie computes the outcome so the professional sees where the answers lead.
/// </summary>
public static class Afwegingskader
{
    public const int ReasoningMaxLength = 2000;
    public const string AnswerRequiredCode = "meldcode-weighing-answer-required";
    public const string ReasoningRequiredCode = "meldcode-weighing-reasoning-required";

    public static readonly IReadOnlyList<string> Questions =
    [
        "Afweging 1: Is er op basis van de stappen 1 tot en met 3 een vermoeden van huiselijk geweld of kindermishandeling?",
        "Afweging 2: Is er sprake van acute onveiligheid en/of structurele onveiligheid?",
        "Afweging 3: Ben ik, of is mijn organisatie, in staat om effectieve hulp te bieden of te organiseren om de onveiligheid af te wenden?",
        "Afweging 4: Aanvaarden de betrokkenen de hulp en zijn zij bereid zich in te zetten?",
        "Afweging 5: Leidt de hulp binnen de gewenste termijn tot de noodzakelijke veiligheid en/of duurzaam herstel?",
    ];

    /// <summary>Whether this answer settles the outcome, so the questions after it are not asked.</summary>
    public static bool Settles(int question, bool answer) => question switch
    {
        1 => !answer,
        2 => answer,
        _ => !answer || question == 5,
    };

    /// <summary>The outcome of the answers, read in order until one settles it.</summary>
    public static WeighingOutcome Outcome(IReadOnlyList<WeighingAnswer> answers)
    {
        foreach (var a in answers.OrderBy(a => a.Question))
        {
            if (!Settles(a.Question, a.Answer)) continue;
            return a.Question == 1 ? WeighingOutcome.GeenVermoeden : a.Question == 5 && a.Answer ? WeighingOutcome.HulpOrganiseren : WeighingOutcome.Melden;
        }
        throw new InvalidOperationException("Incomplete weighing: parse it with Afwegingskader.Parse.");
    }

    public static string Label(WeighingOutcome outcome) => outcome switch
    {
        WeighingOutcome.GeenVermoeden => "Geen vermoeden: het traject kan worden afgesloten.",
        WeighingOutcome.Melden => "Melden bij Veilig Thuis: volgens de meldnorm moet u melden.",
        _ => "Hulp bieden of organiseren en de effecten volgen.",
    };

    /// <summary>
    /// Reads answers (question number → "Ja"/"Nee") with a reasoning each. Every question up to where the outcome is
    /// settled is answered, with a reasoning; answers beyond it are ignored.
    /// </summary>
    public static IReadOnlyList<WeighingAnswer>? Parse(IReadOnlyDictionary<int, string?> answers, IReadOnlyDictionary<int, string?> reasonings, ErrorList errors)
    {
        var given = new Dictionary<int, bool>();
        foreach (var (q, text) in answers)
            if (q is >= 1 and <= 5 && text?.Trim() is "Ja" or "Nee") given[q] = text.Trim() == "Ja";
        var result = new List<WeighingAnswer>();
        for (var q = 1; q <= 5; q++)
        {
            if (!given.TryGetValue(q, out var answer))
            {
                errors.Add(new DomainError(AnswerRequiredCode, $"Afweging[{q}]", "Beantwoord deze afweging met ja of nee."));
                break;
            }
            var reasoning = errors.Take(TextRules.Required(reasonings.GetValueOrDefault(q), $"Onderbouwing[{q}]", "de onderbouwing", ReasoningMaxLength,
                ReasoningRequiredCode, "Onderbouw uw antwoord: het afwegingskader vraagt om een onderbouwing per afweging."));
            result.Add(new WeighingAnswer(q, answer, reasoning ?? ""));
            if (Settles(q, answer)) break;
        }
        return errors.HasErrors ? null : result;
    }
}
