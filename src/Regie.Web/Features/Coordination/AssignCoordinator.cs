using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Coordination;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Coordination;

public sealed class AssignCoordinatorInput
{
    [Required] public string? RegisseurId { get; set; }
    public string? Overdracht { get; set; }
    public int Versie { get; set; }
}

/// <summary>Assigns or transfers the household's coordinator; the team of the new coordinator holds the file from then on.</summary>
public sealed class AssignCoordinatorHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    Involvements.SyncTeamInvolvementHandler syncTeam, CoordinationQueries queries, TimeProvider clock)
{
    public async Task<CommandResult<string>> HandleAsync(Guid householdId, AssignCoordinatorInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<string>(householdId, FileWork.Hold, ct) is { } refused) return refused;
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var errors = new ErrorList();
        var staff = (await queries.StaffAsync(ct)).FirstOrDefault(c => c.Candidate.UserId == input.RegisseurId);
        var candidate = staff?.Candidate;
        if (candidate is null) errors.Add(CoordinatorRules.NotStaff);
        else if (!CoordinatorRules.MayChoose(household.ResponsibleTeamId, staff!.TeamId, queries.UserTeam, queries.LeadsTeam(household.ResponsibleTeamId))) errors.Add(CoordinatorRules.OtherTeam);
        else CoordinatorRules.CheckTransfer(household.CoordinatorId, candidate.UserId, input.Overdracht, errors);
        var note = errors.Take(TextRules.Optional(input.Overdracht, "Overdracht", "de overdracht", CoordinatorRules.HandoverNoteMaxLength));
        if (errors.HasErrors) return CommandResult<string>.Invalid(errors.Errors);
        if (household.Version != input.Versie) return CommandResult<string>.Conflict();

        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.CoordinatorAssignments.FirstOrDefaultAsync(a => a.HouseholdId == householdId && a.Until == null, ct);
        current?.End(now);
        db.CoordinatorAssignments.Add(new CoordinatorAssignment
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = householdId, UserId = candidate!.UserId,
            From = now, HandoverNote = note, AssignedBy = user.ActorId,
        });
        db.Entry(household).Property(h => h.Version).OriginalValue = input.Versie;
        household.AssignCoordinator(candidate.UserId, await db.Users.Where(u => u.Id == candidate.UserId).Select(u => u.TeamId).FirstAsync(ct), now);
        if (household.ResponsibleTeamId is not null) await access.EndDeskGrantsAsync(householdId, ct);
        // Everyone who looks the family up finds the new coordinator, and other parties hear of the team.
        await syncTeam.HandleAsync(household, closing: false, ct);
        timeline.Record(household, EventTypes.CoordinatorAssigned,
            current is null ? $"{candidate.Name} is regisseur" : $"Regie overgedragen aan {candidate.Name}{(candidate.Team is null ? "" : " (" + candidate.Team + ")")}",
            data: new { regisseur = candidate.UserId, team = candidate.Team, overdracht = note is not null });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(candidate.UserId, ct), AuditResources.Household, householdId, null, "regisseur toegewezen", ct);
    }
}
