using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Meldcode;

/// <summary>The day a track first reached a step.</summary>
public sealed record StepReachedView(string Stap, DateOnly Op);

/// <summary>
/// One open track of the team: the household, where it stands (the latest step reached and the step it waits for), the day
/// each step was reached, the days each step took, and whether it has stood still longer than the installation allows.
/// </summary>
public sealed record MeldcodeTeamTrack(Guid TrajectId, Guid HuishoudenId, string Huishouden, string? Regisseur, DateOnly Geopend, string Stap, string WachtOp,
    IReadOnlyList<StepReachedView> Bereikt, IReadOnlyList<StepDurationView> Duur, int DagenStil, bool Stilgevallen);

/// <summary>The team's open tracks, those stood still first; <c>stilgevallenNaDagen</c> is the installation's limit.</summary>
public sealed record MeldcodeTeamOverview(string Team, int StilgevallenNaDagen, IReadOnlyList<MeldcodeTeamTrack> Trajecten);

/// <summary>
/// The aandachtsfunctionaris' and the team lead's view of their own team's Meldcode: every open track the team holds
/// (<see cref="MeldcodeAccess.MaySeeTeamOverview"/>), and the tracks that stood still. A track is the team's when the team
/// holds its Meldcode (<see cref="MeldcodeAccess.HoldingTeam"/>, as <see cref="MeldcodeAccessService"/> decides); a track
/// the user could not open is never listed. The aandachtsfunctionaris flag is read from the database on each request.
/// </summary>
public sealed class MeldcodeTeamQueries(RegieDbContext db, FileAccessService files, CurrentUser user, AuditLog audit, MeldcodeOptions options, TimeProvider clock)
{
    private bool? _maySee;

    public int StuckAfterDays => options.StuckAfterDays;

    /// <summary>Whether the signed-in user sees their team's tracks: the aandachtsfunctionaris or the team lead of a team.</summary>
    public async Task<bool> MaySeeAsync(CancellationToken ct)
    {
        if (_maySee is { } known) return known;
        if (user.IsSystem || user.TeamId is null || user.Role is not (Roles.Professional or Roles.Teamleider)) return (_maySee = false).Value;
        var userId = user.ActorId;
        var flagged = user.Role == Roles.Professional && await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsAandachtsfunctionaris, ct);
        return (_maySee = MeldcodeAccess.MaySeeTeamOverview(user.Role, flagged, inTeam: true)).Value;
    }

    /// <summary>The overview of the team's open tracks, its reading on the audit trail; refused (and that refusal audited) for anyone else.</summary>
    public async Task<CommandResult<MeldcodeTeamOverview>> OverviewAsync(CancellationToken ct)
    {
        if (!await MaySeeAsync(ct))
        {
            await audit.RecordAsync(AuditActions.Denied, AuditResources.Meldcode, detail: "meldcode-overzicht van het team", ct: ct);
            return CommandResult<MeldcodeTeamOverview>.Forbidden(MeldcodeAccess.TeamOverviewRefused());
        }
        var team = await TeamNameAsync(ct);
        var tracks = await OpenTracksAsync(ct);
        await audit.RecordListAsync(AuditResources.Meldcode, $"meldcode-overzicht van {team} ({tracks.Count})",
            tracks.Select(t => ((Guid?)t.HuishoudenId, (Guid?)null)), ct);
        return CommandResult<MeldcodeTeamOverview>.Ok(new MeldcodeTeamOverview(team, StuckAfterDays, tracks));
    }

    /// <summary>
    /// The team's tracks that stood still, for the team lead's signalling page; none for anyone else. Not audited here:
    /// the page that shows them records what it showed.
    /// </summary>
    public async Task<IReadOnlyList<MeldcodeTeamTrack>> StuckAsync(CancellationToken ct) =>
        await MaySeeAsync(ct) ? (await OpenTracksAsync(ct)).Where(t => t.Stilgevallen).ToList() : [];

    /// <summary>How many of the team's tracks stood still: a number without names, for the start page; 0 for anyone else.</summary>
    public async Task<int> StuckCountAsync(CancellationToken ct) => (await StuckAsync(ct)).Count;

    private async Task<string> TeamNameAsync(CancellationToken ct)
    {
        var teamId = user.TeamId;
        return await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "Onbekend team";
    }

    private async Task<IReadOnlyList<MeldcodeTeamTrack>> OpenTracksAsync(CancellationToken ct)
    {
        var teamId = user.TeamId;
        var userId = user.ActorId;
        // The team holding the Meldcode (MeldcodeAccess.HoldingTeam): the file's team, else the first track's; a track no team
        // took up is every team's to see, so a concern recorded at the desk is not lost.
        var rows = (await db.MeldcodeTracks.AsNoTracking().Where(t => t.Status == MeldcodeTrackStatus.Open)
            .Join(db.Households, t => t.HouseholdId, h => h.Id, (t, h) => new
            {
                t.Id, t.HouseholdId, t.OpenedOn, h.ResponsibleTeamId, h.Naam, h.CoordinatorId,
                FirstTrackTeam = db.MeldcodeTracks.Where(o => o.HouseholdId == h.Id && o.TeamId != null).OrderBy(o => o.OpenedAt).Select(o => o.TeamId).FirstOrDefault(),
            })
            .Where(x => x.ResponsibleTeamId == teamId || x.ResponsibleTeamId == null)
            .ToListAsync(ct))
            .Where(x => MeldcodeAccess.InHoldingTeam(MeldcodeAccess.HoldingTeam(x.ResponsibleTeamId, x.FirstTrackTeam), teamId)).ToList();
        if (rows.Count == 0) return [];
        var levels = await files.DecideManyAsync(rows.Select(r => r.HouseholdId).Distinct().ToList(), ct);
        // Only who may see the overview comes here, so a professional is the aandachtsfunctionaris. A file the user cannot open
        // (one routed away from the teams) is not listed, as its track would not open either.
        rows = rows.Where(r => levels.GetValueOrDefault(r.HouseholdId, FileAccessLevel.Denied) is var level && level != FileAccessLevel.Denied
            && MeldcodeAccess.MayRead(new MeldcodeAccessFacts(user.Role, r.CoordinatorId == userId, IsAandachtsfunctionaris: user.Role == Roles.Professional,
                InHoldingTeam: true, level == FileAccessLevel.Emergency))).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var entries = (await db.MeldcodeEntries.AsNoTracking().Where(e => ids.Contains(e.TrackId)).Select(e => new { e.TrackId, e.Step, e.OccurredOn }).ToListAsync(ct))
            .ToLookup(e => e.TrackId);
        var coordinators = rows.Select(r => r.CoordinatorId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => coordinators.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return rows.Select(r =>
            {
                var reached = MeldcodeRules.Reached(entries[r.Id].Select(e => (e.Step, e.OccurredOn)));
                var still = MeldcodeRules.DaysStill(r.OpenedOn, reached, today);
                return new MeldcodeTeamTrack(r.Id, r.HouseholdId, r.Naam, r.CoordinatorId is { } c ? names.GetValueOrDefault(c) : null, r.OpenedOn,
                    (reached.Count == 0 ? MeldcodeStep.Signalen : reached.Max(x => x.Step)).ToString(), MeldcodeRules.WaitingFor(reached).ToString(),
                    reached.Select(x => new StepReachedView(x.Step.ToString(), x.On)).ToList(),
                    MeldcodeRules.Durations(r.OpenedOn, reached, MeldcodeTrackStatus.Open, today).Select(d => new StepDurationView(d.Step.ToString(), d.From, d.Until, d.Days)).ToList(),
                    still, MeldcodeRules.IsStuck(MeldcodeTrackStatus.Open, r.OpenedOn, reached, today, StuckAfterDays));
            })
            .OrderByDescending(t => t.Stilgevallen).ThenByDescending(t => t.DagenStil).ThenBy(t => t.Geopend).ToList();
    }
}
