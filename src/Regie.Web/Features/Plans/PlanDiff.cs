using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Web.Features.Plans;

/// <summary>Lines up two plan versions item by item (goals and actions by id), for the side-by-side view.</summary>
public static class PlanDiff
{
    public static IReadOnlyList<DiffRow> Compare(PlanSnapshot left, PlanSnapshot right)
    {
        var rows = new List<DiffRow>
        {
            Row("Afspraken", left.Afspraken, right.Afspraken),
            Row("Volgende evaluatie", DutchDate.Format(left.VolgendeEvaluatie), DutchDate.Format(right.VolgendeEvaluatie)),
            Row("Wettelijke kaders", Frameworks(left.Kaders), Frameworks(right.Kaders)),
            Row("Wat goed gaat", left.Sterktes, right.Sterktes),
            Row("Zorgen", Concerns(left.Zorgen), Concerns(right.Zorgen)),
            Row("Eerdere hulp", left.EerdereHulp, right.EerdereHulp),
        };
        foreach (var id in left.Doelen.Select(g => g.Id).Union(right.Doelen.Select(g => g.Id)))
        {
            var l = left.Doelen.FirstOrDefault(g => g.Id == id);
            var r = right.Doelen.FirstOrDefault(g => g.Id == id);
            rows.Add(Row("Doel · " + DomainLabel((r ?? l)!.Leefgebied), l is null ? null : Goal(l), r is null ? null : Goal(r)));
        }
        foreach (var id in left.Acties.Select(a => a.Id).Union(right.Acties.Select(a => a.Id)))
        {
            var l = left.Acties.FirstOrDefault(a => a.Id == id);
            var r = right.Acties.FirstOrDefault(a => a.Id == id);
            rows.Add(Row("Actie", l is null ? null : Action(l), r is null ? null : Action(r)));
        }
        return rows;
    }

    private static DiffRow Row(string part, string? left, string? right)
    {
        left = string.IsNullOrEmpty(left) ? null : left;
        right = string.IsNullOrEmpty(right) ? null : right;
        var kind = left == right ? DiffKind.Gelijk : left is null ? DiffKind.Nieuw : right is null ? DiffKind.Verwijderd : DiffKind.Gewijzigd;
        return new DiffRow(part, left, right, kind);
    }

    public static string Goal(GoalSnapshot g) =>
        $"{g.Wat}{(g.Persoon is null ? "" : " (" + g.Persoon + ")")}\nMeetbaar resultaat: {g.MeetbaarResultaat}\nWie: {g.Wie} · streefdatum {DutchDate.Format(g.Streefdatum)} · {StatusLabel(g.Status)}"
        + (g.Toelichting is null ? "" : "\nToelichting: " + g.Toelichting);

    public static string Action(ActionSnapshot a) =>
        $"{a.Omschrijving}\nDoor: {a.Naam} ({OwnerLabel(a.Uitvoerder)})"
        + (a.Deadline is { } d ? $" · uiterlijk {DutchDate.Format(d)}" : "")
        + (a.Gedaan is { } g ? $" · gedaan op {DutchDate.Format(g)}" : "");

    /// <summary>The concerns one per line, the most important marked.</summary>
    public static string Concerns(IReadOnlyList<PlanConcern>? concerns) =>
        string.Join("\n", (concerns ?? []).Select(c => (c.Belangrijkst ? "Belangrijkst: " : "") + c.Wat));

    public static string DomainLabel(string stored) => Enum.TryParse<ZrmDomain>(stored, out var d) ? Zrm.Label(d) : stored;
    private static string StatusLabel(string stored) => Enum.TryParse<GoalStatus>(stored, out var s) ? GoalStatuses.Label(s).ToLowerInvariant() : stored;
    private static string OwnerLabel(string stored) => Enum.TryParse<ActionOwnerKind>(stored, out var k) ? ActionOwnerKinds.ShortLabel(k) : stored;
    private static string Frameworks(string? stored) => string.Join(", ", LegalFrameworks.ParseList(stored).Select(LegalFrameworks.Label));
}
