using Regie.Domain.Common;

namespace Regie.Domain.Assessment;

/// <summary>The 13 life domains of the Zelfredzaamheid-Matrix (ZRM 2017, GGD Amsterdam). Stored by name.</summary>
public enum ZrmDomain
{
    Financien,
    WerkOpleiding,
    Tijdsbesteding,
    Huisvesting,
    HuiselijkeRelaties,
    GeestelijkeGezondheid,
    LichamelijkeGezondheid,
    Middelengebruik,
    BasaleAdl,
    InstrumenteleAdl,
    SociaalNetwerk,
    MaatschappelijkeParticipatie,
    Justitie,
}

/// <summary>
/// Domain names and the five scale labels of the ZRM. Only names and labels: the per-cell
/// criteria texts are GGD Amsterdam's and not ours to ship.
/// </summary>
public static class Zrm
{
    public const string ScoreInvalidCode = "zrm-score-invalid";
    public const string DateTooOldCode = "zrm-date-too-old";
    public const string DateInvalidCode = "zrm-date-invalid";
    public const string DateInFutureCode = "zrm-date-in-future";
    public const string NothingAssessedCode = "zrm-nothing-assessed";
    /// <summary>The ZRM scores the current situation: nothing older than 30 days.</summary>
    public const int MaxAgeDays = 30;

    public static readonly IReadOnlyList<ZrmDomain> Domains = Enum.GetValues<ZrmDomain>();

    public const int LowestScore = 1;
    public const int HighestScore = 5;
    /// <summary>What a form or API sends per domain: a score as text, or empty for not assessed.</summary>
    public static readonly IReadOnlyList<string> ScoreInputs = ["", .. Enumerable.Range(LowestScore, HighestScore - LowestScore + 1).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static bool IsScore(int score) => score is >= LowestScore and <= HighestScore;

    public static string Label(ZrmDomain d) => d switch
    {
        ZrmDomain.Financien => "Financiën",
        ZrmDomain.WerkOpleiding => "Werk & opleiding",
        ZrmDomain.Tijdsbesteding => "Tijdsbesteding",
        ZrmDomain.Huisvesting => "Huisvesting",
        ZrmDomain.HuiselijkeRelaties => "Huiselijke relaties",
        ZrmDomain.GeestelijkeGezondheid => "Geestelijke gezondheid",
        ZrmDomain.LichamelijkeGezondheid => "Lichamelijke gezondheid",
        ZrmDomain.Middelengebruik => "Middelengebruik",
        ZrmDomain.BasaleAdl => "Basale ADL",
        ZrmDomain.InstrumenteleAdl => "Instrumentele ADL",
        ZrmDomain.SociaalNetwerk => "Sociaal netwerk",
        ZrmDomain.MaatschappelijkeParticipatie => "Maatschappelijke participatie",
        _ => "Justitie",
    };

    public static string ScaleLabel(int score) => score switch
    {
        1 => "acute problematiek",
        2 => "niet zelfredzaam",
        3 => "beperkt zelfredzaam",
        4 => "voldoende zelfredzaam",
        5 => "volledig zelfredzaam",
        _ => "niet beoordeeld",
    };

    /// <summary>
    /// An assessment as typed: the date (empty is today) and per domain "1".."5" or empty for not assessed. Null with
    /// the errors when it cannot be recorded; a date that cannot be read is the whole answer.
    /// </summary>
    public static (DateOnly On, IReadOnlyDictionary<ZrmDomain, int?> Scores)? Parse(string? date, IReadOnlyDictionary<ZrmDomain, string?> scores, DateOnly today, ErrorList errors)
    {
        var on = today;
        if (!string.IsNullOrWhiteSpace(date) && !DutchDate.TryParse(date, out on))
        {
            errors.Add(new DomainError(DateInvalidCode, "Datum", "Vul de datum in als dd-mm-jjjj."));
            return null;
        }
        var parsed = new Dictionary<ZrmDomain, int?>();
        foreach (var d in Domains)
        {
            var raw = scores.GetValueOrDefault(d);
            // A score that is not a number is out of range like any other, and gets the same message.
            parsed[d] = string.IsNullOrWhiteSpace(raw) ? null : int.TryParse(raw, out var s) ? s : -1;
        }
        var before = errors.Errors.Count;
        Validate(parsed, on, today, errors);
        return errors.Errors.Count > before ? null : (on, parsed);
    }

    /// <summary>Checks an assessment: scores 1–5 or not assessed, at least one domain, dated within the last 30 days.</summary>
    public static void Validate(IReadOnlyDictionary<ZrmDomain, int?> scores, DateOnly assessedOn, DateOnly today, ErrorList errors)
    {
        foreach (var (domain, score) in scores)
            if (score is { } s && !IsScore(s))
                errors.Add(new DomainError(ScoreInvalidCode, $"Scores[{domain}]", $"{Label(domain)}: kies een score van 1 tot en met 5, of 'niet beoordeeld'."));
        if (scores.Values.All(s => s is null))
            errors.Add(new DomainError(NothingAssessedCode, "Scores", "Beoordeel minstens één leefgebied."));
        if (assessedOn > today)
            errors.Add(new DomainError(DateInFutureCode, "Datum", "De datum van de meting ligt in de toekomst."));
        else if (assessedOn < today.AddDays(-MaxAgeDays))
            errors.Add(new DomainError(DateTooOldCode, "Datum", $"De ZRM beschrijft de huidige situatie: de meting mag niet ouder zijn dan {MaxAgeDays} dagen."));
    }

    public sealed record DomainSummary(ZrmDomain Domain, int? Lowest, int? LowestAtFirst)
    {
        /// <summary>Positive: the household became more self-reliant in this domain.</summary>
        public int? Change => Lowest is { } now && LowestAtFirst is { } first ? now - first : null;
    }

    /// <summary>
    /// The household's picture: per domain the lowest latest score of its members (the weakest
    /// link decides what help is needed), next to the lowest score of their first assessments.
    /// </summary>
    public static IReadOnlyList<DomainSummary> Summarise(IEnumerable<(Guid Person, DateOnly On, IReadOnlyDictionary<ZrmDomain, int?> Scores)> assessments)
    {
        var byPerson = assessments.GroupBy(a => a.Person).Select(g => (First: g.MinBy(a => a.On), Latest: g.MaxBy(a => a.On))).ToList();
        return Domains.Select(d => new DomainSummary(d,
            byPerson.Select(p => p.Latest.Scores.GetValueOrDefault(d)).Where(s => s is not null).Min(),
            byPerson.Select(p => p.First.Scores.GetValueOrDefault(d)).Where(s => s is not null).Min())).ToList();
    }
}
