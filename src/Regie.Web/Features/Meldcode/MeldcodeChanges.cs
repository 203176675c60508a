using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// What every change to a Meldcode track shares: the right to work in it, loading the track of this household, and saving
/// one new entry with the track's version bumped, so a worker who decides on a track that changed meanwhile is told so.
/// Each use case sits between <see cref="LoadAsync"/> and <see cref="AppendAsync"/>.
/// </summary>
public sealed class MeldcodeChanges(RegieDbContext db, FileAccessService files, MeldcodeAccessService meldcode, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    public const string What = "Het meldcodetraject";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>
    /// The track for steps 2 to 5 and corrections: only for who may work in it. Who may not read it gets "not found" (the
    /// refusal audited), as if it did not exist; a reader through break-the-glass gets "forbidden" (emergency access reads only).
    /// </summary>
    public async Task<(MeldcodeTrack? Track, CommandResult<int>? Failure)> LoadAsync(Guid householdId, Guid trackId, CancellationToken ct)
    {
        if (await files.RefuseAsync<int>(householdId, FileWork.Change, ct, What) is { } refused)
        {
            if (refused.Status == CommandStatus.Forbidden && !await meldcode.MayReadAsync(householdId, ct)) return (null, await meldcode.RefusedAsync<int>(householdId, ct));
            return (null, refused);
        }
        if (!await meldcode.MayReadAsync(householdId, ct)) return (null, await meldcode.RefusedAsync<int>(householdId, ct));
        if (!await meldcode.MayWorkAsync(householdId, ct)) return (null, CommandResult<int>.Forbidden());
        var track = await db.MeldcodeTracks.Include(t => t.Entries).Include(t => t.Persons)
            .FirstOrDefaultAsync(t => t.Id == trackId && t.HouseholdId == householdId, ct);
        return track is null ? (null, CommandResult<int>.NotFound(What)) : (track, null);
    }

    /// <summary>Adds the entry if the track still has the version the worker saw and the track's rules take it; answers the new version.</summary>
    public async Task<CommandResult<int>> AppendAsync(MeldcodeTrack track, MeldcodeEntryFields? fields, int seenVersion, string detail, ErrorList errors, CancellationToken ct)
    {
        if (errors.HasErrors || fields is null) return CommandResult<int>.Invalid(errors.Errors);
        if (track.Version != seenVersion) return CommandResult<int>.Conflict();
        if (track.Record(fields, user.ActorId, user.ActorName, Now, errors) is not { } entry) return CommandResult<int>.Invalid(errors.Errors);
        db.MeldcodeEntries.Add(entry);
        Touch(track, seenVersion);
        var result = await db.SaveOrConflictAsync(seenVersion + 1, ct);
        return await audit.AfterAsync(result, AuditResources.Meldcode, track.HouseholdId, null, detail, ct, AuditActions.Create);
    }

    /// <summary>
    /// Records signals (step 1) on the household's open track, or opens a track about <paramref name="persons"/> with them.
    /// Not saved here: the caller saves it with the rest of its work (the intake), so nothing is half-saved.
    /// </summary>
    /// <param name="personsChosen">Whether <paramref name="persons"/> were named (not "everyone" by default): only named persons join an open track.</param>
    public async Task<MeldcodeTrack?> AddSignalsAsync(Household household, Guid? requestId, IReadOnlyCollection<Guid> persons, MeldcodeEntryFields signals,
        ErrorList errors, CancellationToken ct, bool personsChosen = true)
    {
        var track = await db.MeldcodeTracks.Include(t => t.Entries).Include(t => t.Persons)
            .FirstOrDefaultAsync(t => t.HouseholdId == household.Id && t.Status == Domain.Safety.MeldcodeTrackStatus.Open, ct);
        var opened = track is null;
        track ??= MeldcodeTrack.Open(household.Gemeentecode, household.Id, household.ResponsibleTeamId ?? user.TeamId, requestId, persons, Today, Now, user.ActorId);
        if (track.Record(signals, user.ActorId, user.ActorName, Now, errors) is not { } entry) return null;
        if (opened) db.MeldcodeTracks.Add(track);
        else
        {
            db.MeldcodeEntries.Add(entry);
            if (personsChosen) track.Concern(persons);
            Touch(track, track.Version);
        }
        return track;
    }

    /// <summary>A new entry is a change of the track: its version goes up (the save checks the one that was read).</summary>
    private void Touch(MeldcodeTrack track, int seenVersion)
    {
        var version = db.Entry(track).Property(t => t.Version);
        version.OriginalValue = seenVersion;
        version.IsModified = true;
    }
}
