using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Assessments;

public sealed record ZrmView(Guid Id, Guid PersonId, string Persoon, DateOnly Datum, string Beoordelaar, IReadOnlyDictionary<ZrmDomain, int?> Scores);

public sealed record ZrmOverview(IReadOnlyList<ZrmView> Assessments, IReadOnlyList<Zrm.DomainSummary> Summary);

/// <summary>The household's ZRM assessments and its summary.</summary>
public sealed class ZrmQueries(RegieDbContext db, FileAccessService access, AuditLog audit)
{
    /// <summary>All assessments of the household, newest first, and the household summary.</summary>
    /// <param name="audited">False only where the caller records one entry for the whole file that names the ZRM.</param>
    public async Task<ZrmOverview?> OverviewAsync(Guid householdId, CancellationToken ct, bool audited = true)
    {
        if (!await access.CanOpenAsync(householdId, ct) || !access.IsCareRole) return null;
        // Scores on mental health, addiction and justice are the most sensitive part of a file:
        // reading them is on record, here or (audited: false) in the caller's entry that names them.
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.Assessment, householdId, ct: ct);
        var rows = await db.ZrmAssessments.AsNoTracking().Include(a => a.Scores).Where(a => a.HouseholdId == householdId)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt).Take(200).ToListAsync(ct);
        var ids = rows.Select(r => r.PersonId).Distinct().ToList();
        var names = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Voornamen + (p.Voorvoegsel == null ? " " : " " + p.Voorvoegsel + " ") + p.Achternaam, ct);
        var views = rows.Select(a => new ZrmView(a.Id, a.PersonId, names.GetValueOrDefault(a.PersonId, "?"), a.AssessedOn, a.AssessorName,
            Zrm.Domains.ToDictionary(d => d, d => a.Scores.FirstOrDefault(s => s.Domain == d)?.Score))).ToList();
        return new ZrmOverview(views, Zrm.Summarise(views.Select(v => (v.PersonId, v.Datum, v.Scores))));
    }
}
