using Microsoft.EntityFrameworkCore;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Meldcode;

/// <summary>A part of a track withheld from the resident's inzage: which part, why, who decided when, and whether it was lifted.</summary>
/// <param name="VastleggingId">The entry withheld; null is the whole track.</param>
/// <param name="Onderdeel">The part as shown: "het hele traject" or the entry's step and date, never its content.</param>
public sealed record MeldcodeWithholdingView(Guid Id, Guid TrajectId, Guid? VastleggingId, string Onderdeel, string Reden, string BeperktDoor, DateTime BeperktOp,
    string? OpgehevenDoor, DateTime? OpgehevenOp, bool Actief);

/// <summary>A withholding in the privacy officer's list: the household and the part it concerns, never the content of the track.</summary>
public sealed record PrivacyWithholdingView(Guid Id, Guid HuishoudenId, string Huishouden, DateOnly TrajectGeopend, string Onderdeel, string Reden,
    string BeperktDoor, DateTime BeperktOp, string? OpgehevenDoor, DateTime? OpgehevenOp, bool Actief);

/// <summary>
/// The withholdings of Meldcode tracks: per track for who may read it, and all of them, without any content of the track,
/// for the privacy officer, who must be able to justify each (UAVG art. 41). Every read audited.
/// </summary>
public sealed class MeldcodeWithholdingQueries(RegieDbContext db, FileAccessService files, MeldcodeAccessService access, CurrentUser user, AuditLog audit)
{
    /// <summary>The withholdings of one track, newest first; null (not found, refusal audited) for who may not read the track.</summary>
    public async Task<IReadOnlyList<MeldcodeWithholdingView>?> ForTrackAsync(Guid householdId, Guid trackId, CancellationToken ct)
    {
        if (!await files.CanOpenAsync(householdId, ct)) return null;
        if (!await access.MayReadAsync(householdId, ct))
        {
            await access.RefusedAsync<int>(householdId, ct);
            return null;
        }
        var track = await db.MeldcodeTracks.AsNoTracking().Include(t => t.Entries).FirstOrDefaultAsync(t => t.Id == trackId && t.HouseholdId == householdId, ct);
        if (track is null) return null;
        var rows = await db.MeldcodeWithholdings.AsNoTracking().Where(w => w.TrackId == trackId).OrderByDescending(w => w.WithheldAt).ToListAsync(ct);
        var names = await LiftersAsync(rows, ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Meldcode, householdId, detail: $"{MeldcodeWithholdingRules.AuditPrefix} gelezen: traject {trackId}", ct: ct);
        var entries = track.Entries.ToDictionary(e => e.Id);
        return rows.Select(w => new MeldcodeWithholdingView(w.Id, w.TrackId, w.EntryId, Part(w.EntryId, entries), w.Reason, w.WithheldByName, w.WithheldAt,
            w.LiftedBy is { } by ? names.GetValueOrDefault(by, by) : null, w.LiftedAt, w.IsActive)).ToList();
    }

    /// <summary>
    /// Every withholding of the municipality, active first, then lifted, newest first: for the privacy officer only (null
    /// for anyone else). The read is audited.
    /// </summary>
    public async Task<IReadOnlyList<PrivacyWithholdingView>?> ForPrivacyOfficerAsync(CancellationToken ct)
    {
        if (user.Role != Roles.Privacy) return null;
        var rows = await db.MeldcodeWithholdings.AsNoTracking().ToListAsync(ct);
        var trackIds = rows.Select(w => w.TrackId).Distinct().ToList();
        var tracks = await db.MeldcodeTracks.AsNoTracking().Where(t => trackIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.OpenedOn, ct);
        var entryIds = rows.Select(w => w.EntryId).OfType<Guid>().Distinct().ToList();
        var entries = await db.MeldcodeEntries.AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var householdIds = rows.Select(w => w.HouseholdId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Naam, ct);
        var names = await LiftersAsync(rows, ct);
        // Each household shown is on its own trail: the list names it and the reason of its withholding.
        await audit.RecordListAsync(AuditResources.Meldcode, $"{MeldcodeWithholdingRules.AuditPrefix} gelezen (privacy officer)",
            householdIds.Select(h => ((Guid?)h, (Guid?)null)), ct);
        return rows.Where(w => tracks.ContainsKey(w.TrackId))
            .OrderBy(w => w.IsActive ? 0 : 1).ThenByDescending(w => w.WithheldAt)
            .Select(w => new PrivacyWithholdingView(w.Id, w.HouseholdId, households.GetValueOrDefault(w.HouseholdId, "?"), tracks[w.TrackId], Part(w.EntryId, entries),
                w.Reason, w.WithheldByName, w.WithheldAt, w.LiftedBy is { } by ? names.GetValueOrDefault(by, by) : null, w.LiftedAt, w.IsActive))
            .ToList();
    }

    /// <summary>The part as shown: the whole track, or the entry's step and date (never what it says).</summary>
    public static string Part(Guid? entryId, IReadOnlyDictionary<Guid, MeldcodeEntry> entries) => entryId is not { } id ? "Het hele traject"
        : entries.TryGetValue(id, out var e) ? $"{MeldcodeRules.Label(e.Step)}, vastlegging van {Shared.Format.Date(e.OccurredOn)}" : "Een vastlegging";

    /// <summary>The names of who lifted withholdings (stored by user id).</summary>
    private async Task<IReadOnlyDictionary<string, string>> LiftersAsync(IReadOnlyCollection<MeldcodeWithholding> rows, CancellationToken ct)
    {
        var ids = rows.Select(w => w.LiftedBy).OfType<string>().Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<string, string>();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
