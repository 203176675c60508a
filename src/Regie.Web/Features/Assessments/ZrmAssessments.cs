using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Assessments;

public sealed class ZrmInput
{
    [Required] public Guid PersonId { get; set; }
    /// <summary>dd-mm-jjjj; empty is today.</summary>
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Datum { get; set; }
    /// <summary>Per domain "1".."5", or empty for not assessed.</summary>
    [Required, Description("Per leefgebied een score \"1\" tot en met \"5\"; weglaten of leeg is niet beoordeeld. Minstens één.")]
    [OneOf(typeof(Zrm), nameof(Zrm.ScoreInputs))]
    public Dictionary<ZrmDomain, string?> Scores { get; set; } = [];
}

public sealed record ZrmView(Guid Id, Guid PersonId, string Persoon, DateOnly Datum, string Beoordelaar, IReadOnlyDictionary<ZrmDomain, int?> Scores);

public sealed record ZrmOverview(IReadOnlyList<ZrmView> Assessments, IReadOnlyList<Zrm.DomainSummary> Summary);

/// <summary>Records a ZRM assessment of one household member and shows the household's assessments.</summary>
public sealed class ZrmAssessmentHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> RecordAsync(Guid householdId, ZrmInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var errors = new ErrorList();
        var member = await db.HouseholdMembers.Include(m => m.Person)
            .FirstOrDefaultAsync(m => m.HouseholdId == householdId && m.PersonId == input.PersonId && m.Until == null, ct);
        if (member is null) errors.Add(new DomainError(Regie.Domain.Registry.MembershipRules.NotMemberCode, "PersonId", "Kies een lid van dit huishouden."));

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var date = today;
        if (!string.IsNullOrWhiteSpace(input.Datum) && !DutchDate.TryParse(input.Datum, out date))
            errors.Add(new DomainError(Zrm.DateInvalidCode, "Datum", "Vul de datum in als dd-mm-jjjj."));
        var scores = new Dictionary<ZrmDomain, int?>();
        foreach (var d in Zrm.Domains)
        {
            var raw = input.Scores.GetValueOrDefault(d);
            if (string.IsNullOrWhiteSpace(raw)) scores[d] = null;
            else if (int.TryParse(raw, out var s)) scores[d] = s;
            else scores[d] = -1;
        }
        if (!errors.HasErrors) Zrm.Validate(scores, date, today, errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var assessment = new ZrmAssessment
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = householdId, PersonId = input.PersonId,
            AssessedOn = date, AssessorId = user.ActorId, AssessorName = user.ActorName, CreatedAt = now,
            Scores = scores.Where(kv => kv.Value is not null).Select(kv => new ZrmScore { Domain = kv.Key, Score = kv.Value!.Value }).ToList(),
        };
        db.ZrmAssessments.Add(assessment);
        var lowest = assessment.Scores.MinBy(s => s.Score)!;
        timeline.Record(household, EventTypes.AssessmentRecorded,
            $"ZRM-meting van {member!.Person!.Name.FullName}: {assessment.Scores.Count} leefgebieden, laagste score {lowest.Score} ({Zrm.Label(lowest.Domain)})",
            date, input.PersonId, assessment.Scores.ToDictionary(s => s.Domain.ToString(), s => s.Score));
        return await audit.AfterAsync(await db.SaveOrConflictAsync(assessment.Id, ct), AuditResources.Household, householdId, input.PersonId, "ZRM-meting", ct, AuditActions.Create);
    }

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
