using Regie.Domain.Common;

namespace Regie.Domain.Care;

/// <summary>One concern in the plan: what worries the household or the professionals, and whether it is among what matters most.</summary>
public sealed record PlanConcern(string Wat, bool Belangrijkst);

// What a worker filled in, as typed, and what is left of it once every rule passed.
public sealed record ConcernFields(string? Wat, bool Belangrijkst);
public sealed record PlanSectionFields(string? Sterktes, IReadOnlyList<ConcernFields> Zorgen, string? EerdereHulp);
public sealed record PlanSectionContent(string? Strengths, IReadOnlyList<PlanConcern> Concerns, string? EarlierHelp);

/// <summary>
/// The plan's own sections, written with the household: what goes well (its strengths), the concerns with the ones that
/// matter most first, and the help there was before. All optional: a plan grows in conversations.
/// </summary>
public static class PlanSectionRules
{
    public const int StrengthsMaxLength = 4000;
    public const int EarlierHelpMaxLength = 4000;
    public const int ConcernMaxLength = 500;
    public const int MaxConcerns = 10;
    public const string TooManyConcernsCode = "plan-too-many-concerns";

    /// <summary>Empty concern rows are left out; the most important come first, each group in the order given.</summary>
    public static PlanSectionContent? Check(PlanSectionFields f, ErrorList errors)
    {
        var count = errors.Errors.Count;
        var strengths = errors.Take(TextRules.Optional(f.Sterktes, "Sterktes", "wat goed gaat", StrengthsMaxLength));
        var earlier = errors.Take(TextRules.Optional(f.EerdereHulp, "EerdereHulp", "de eerdere hulp", EarlierHelpMaxLength));
        var concerns = new List<PlanConcern>();
        for (var i = 0; i < f.Zorgen.Count; i++)
        {
            var wat = errors.Take(TextRules.Optional(f.Zorgen[i].Wat, $"Zorgen[{i}].Wat", "de zorg", ConcernMaxLength));
            if (wat is not null) concerns.Add(new PlanConcern(wat, f.Zorgen[i].Belangrijkst));
        }
        if (concerns.Count > MaxConcerns)
            errors.Add(new DomainError(TooManyConcernsCode, "Zorgen", $"Noem maximaal {MaxConcerns} zorgen; voeg wat bij elkaar hoort samen."));
        return errors.Errors.Count > count ? null
            : new PlanSectionContent(strengths, [.. concerns.Where(c => c.Belangrijkst), .. concerns.Where(c => !c.Belangrijkst)], earlier);
    }

    /// <summary>What changed, in one Dutch sentence for the plan's new version; null when nothing did.</summary>
    public static string? Describe(PlanSectionContent before, PlanSectionContent after)
    {
        var parts = new List<string>();
        if (before.Strengths != after.Strengths) parts.Add("wat goed gaat");
        if (!before.Concerns.SequenceEqual(after.Concerns)) parts.Add("zorgen");
        if (before.EarlierHelp != after.EarlierHelp) parts.Add("eerdere hulp");
        return parts.Count == 0 ? null : "Bijgewerkt: " + string.Join(", ", parts);
    }
}
