using Regie.Domain.Assessment;
using Regie.Domain.Common;

namespace Regie.Domain.Care;

/// <summary>One score of the intake screen: a life domain of one person the request is about, 1 to 5.</summary>
public sealed record ScreenScore(Guid PersonId, ZrmDomain Domain, int Score);

/// <summary>The intake's quick screen as it is typed in: per "personId:Domain" a score "1".."5"; empty or absent is "not screened".</summary>
public static class IntakeScreen
{
    /// <summary>
    /// Reads the screen. A key that is not a person of the request with a life domain, or a score outside 1–5,
    /// is refused with <see cref="Zrm.ScoreInvalidCode"/>; what is read is returned either way.
    /// </summary>
    public static List<ScreenScore> Parse(IEnumerable<KeyValuePair<string, string?>> input, IReadOnlyCollection<Guid> persons, ErrorList errors)
    {
        var scores = new List<ScreenScore>();
        foreach (var (key, value) in input)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var parts = key.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var person) || !persons.Contains(person)
                || Enums.ParseDefined<ZrmDomain>(parts[1]) is not { } domain)
            {
                errors.Add(new DomainError(Zrm.ScoreInvalidCode, $"Scores[{key}]", "Deze score hoort niet bij een persoon en leefgebied van deze hulpvraag."));
                continue;
            }
            if (!int.TryParse(value, out var score) || !Zrm.IsScore(score))
            {
                errors.Add(new DomainError(Zrm.ScoreInvalidCode, $"Scores[{key}]", $"Kies bij {Zrm.Label(domain)} een score van 1 tot en met 5, of 'niet gescreend'."));
                continue;
            }
            scores.Add(new ScreenScore(person, domain, score));
        }
        return scores;
    }
}
