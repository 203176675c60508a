using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Involvements;

/// <summary>
/// Brings the team's own involvement in line with the household: every current member with a BSN is
/// registered for the responsible team, with the coordinator as contact; members who left, and a team
/// that no longer holds the file, are ended. Adds to the caller's unit of work; the caller saves.
/// </summary>
public sealed class SyncTeamInvolvementHandler(RegieDbContext db, CurrentUser user, InvolvementOptions options, TimeProvider clock, InvolvementMatches matches)
{
    public const string ClosedReason = "traject afgesloten";
    public const string OtherTeamReason = "ander team verantwoordelijk";
    public const string LeftReason = "niet meer in het huishouden";

    public async Task HandleAsync(Household household, bool closing, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var current = await db.Involvements.Where(Involvement.Open()).Where(i => i.HouseholdId == household.Id && i.TeamId != null).ToListAsync(ct);
        var members = closing ? [] : await db.HouseholdMembers.Where(m => m.HouseholdId == household.Id && m.Until == null && m.Person!.Bsn != null)
            .Select(m => m.Person!.Bsn!).ToListAsync(ct);
        var team = household.ResponsibleTeamId is { } tid ? await db.Teams.FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        var coordinator = household.CoordinatorId is { } cid
            ? await db.Users.Where(u => u.Id == cid).Select(u => new { u.DisplayName, u.Email, u.PhoneNumber }).FirstOrDefaultAsync(ct) : null;
        foreach (var i in current.Where(i => closing || i.TeamId != team?.Id || !members.Contains(i.Bsn)))
            i.End(today, closing ? ClosedReason : i.TeamId != team?.Id ? OtherTeamReason : LeftReason);
        if (closing || team is null) return;
        Involvement? first = null;
        var contact = new Involvement.Contact(coordinator?.DisplayName ?? team.Name, coordinator?.PhoneNumber ?? team.Telefoon, coordinator?.Email ?? team.Email);
        foreach (var bsn in members)
        {
            var existing = current.FirstOrDefault(i => i.Bsn == bsn && i.TeamId == team.Id && i.IsOpen);
            if (existing is not null)
            {
                existing.ChangeContact(contact);
                continue;
            }
            var involvement = Involvement.RegisterTeam(household.Gemeentecode, bsn, team.Id, household.Id, contact, today, options.MaxYears, user.ActorName,
                clock.GetUtcNow().UtcDateTime);
            db.Involvements.Add(involvement);
            first ??= involvement;
        }
        // Matches look at the whole household: one round of messages for the team, not one per member.
        if (first is not null) await matches.AddAsync(first, team.Name, ct);
    }
}
