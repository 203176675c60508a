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

/// <summary>Records a ZRM assessment of one current member of the household.</summary>
public sealed class RecordZrmAssessmentHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, ZrmInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var errors = new ErrorList();
        var member = await db.HouseholdMembers.Include(m => m.Person).Where(HouseholdMember.Current)
            .FirstOrDefaultAsync(m => m.HouseholdId == householdId && m.PersonId == input.PersonId, ct);
        if (member is null) errors.Add(new DomainError(Regie.Domain.Registry.MembershipRules.NotMemberCode, "PersonId", "Kies een lid van dit huishouden."));
        var now = clock.GetUtcNow().UtcDateTime;
        var parsed = Zrm.Parse(input.Datum, input.Scores, DateOnly.FromDateTime(now), errors);
        if (errors.HasErrors || parsed is not var (date, scores)) return CommandResult<Guid>.Invalid(errors.Errors);

        var assessment = ZrmAssessment.Record(household.Gemeentecode, householdId, input.PersonId, date, scores, user.ActorId, user.ActorName, now);
        db.ZrmAssessments.Add(assessment);
        var lowest = assessment.Scores.MinBy(s => s.Score)!;
        timeline.Record(household, EventTypes.AssessmentRecorded,
            $"ZRM-meting van {member!.Person!.Name.FullName}: {assessment.Scores.Count} leefgebieden, laagste score {lowest.Score} ({Zrm.Label(lowest.Domain)})",
            date, input.PersonId, assessment.Scores.ToDictionary(s => s.Domain.ToString(), s => s.Score));
        return await audit.AfterAsync(await db.SaveOrConflictAsync(assessment.Id, ct), AuditResources.Household, householdId, input.PersonId, "ZRM-meting", ct, AuditActions.Create);
    }
}
