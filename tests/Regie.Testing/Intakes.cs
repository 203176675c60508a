using Regie.Domain.Safety;
using Regie.Web.Features.Requests;

namespace Regie.Testing;

/// <summary>The safety check every intake answers: "veilig" with no signals, unless a test is about the check itself.</summary>
public static class Intakes
{
    /// <summary>Every question answered "Nee".</summary>
    public static Dictionary<string, string?> NoSignals() => SafetyCheck.Questions.ToDictionary(q => q.Key, _ => (string?)nameof(SafetyAnswer.Nee));

    /// <summary>The intake with a safety check that found nothing: every question "Nee", judgement "Veilig".</summary>
    public static IntakeInput Veilig(this IntakeInput input)
    {
        input.Veiligheid = NoSignals();
        input.VeiligheidOordeel = nameof(SafetyJudgement.Veilig);
        return input;
    }
}
