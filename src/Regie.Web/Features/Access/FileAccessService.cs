using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Access;

/// <summary>
/// Applies <see cref="FileAccessRules"/> to the signed-in user. Every query and handler that
/// shows or changes a file asks here first; a file the user may not open answers "not found",
/// so guessing ids reveals nothing.
/// </summary>
public sealed class FileAccessService
{
    private readonly RegieDbContext db;
    private readonly CurrentUser user;
    private readonly TimeProvider clock;
    /// <summary>
    /// Decisions already taken in this request: a page asks for the same file several times (the file,
    /// its timeline, plan and ZRM). Forgotten after every save, since a save can change who may open it.
    /// </summary>
    private readonly Dictionary<Guid, FileAccessLevel> _decided = [];

    public FileAccessService(RegieDbContext db, CurrentUser user, TimeProvider clock)
    {
        (this.db, this.user, this.clock) = (db, user, clock);
        db.SavedChanges += (_, _) => _decided.Clear();
    }

    public string? Role => user.Role;
    public bool IsSystem => user.IsSystem;
    public bool MayWorkWithFiles => user.IsSystem || (user.Role is { } r && FileAccessRules.FileRoles.Contains(r));
    public bool IsCareRole => user.IsSystem || (user.Role is { } r && FileAccessRules.CareRoles.Contains(r));

    public async Task<FileAccessLevel> DecideAsync(Guid householdId, CancellationToken ct)
    {
        if (_decided.TryGetValue(householdId, out var known)) return known;
        var level = (await DecideManyAsync([householdId], ct)).GetValueOrDefault(householdId, FileAccessLevel.Denied);
        // A file that does not exist (yet) is not remembered: it may be created in this same request.
        if (level != FileAccessLevel.Denied) _decided[householdId] = level;
        return level;
    }

    public async Task<bool> CanOpenAsync(Guid householdId, CancellationToken ct) => await DecideAsync(householdId, ct) != FileAccessLevel.Denied;

    /// <summary>One round trip for a whole result list (search hits).</summary>
    public async Task<IReadOnlyDictionary<Guid, FileAccessLevel>> DecideManyAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        if (householdIds.Count == 0) return new Dictionary<Guid, FileAccessLevel>();
        var teams = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.ResponsibleTeamId }).ToListAsync(ct);
        if (user.IsSystem) return teams.ToDictionary(t => t.Id, _ => FileAccessLevel.Team);

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.ActorId;
        var grants = await db.HouseholdAccess.AsNoTracking()
            .Where(a => a.UserId == userId && householdIds.Contains(a.HouseholdId) && a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now))
            .Select(a => new { a.HouseholdId, a.Kind }).ToListAsync(ct);
        return teams.ToDictionary(t => t.Id, t => FileAccessRules.Decide(new FileAccessFacts(
            user.Role, user.TeamId, t.ResponsibleTeamId,
            grants.Any(g => g.HouseholdId == t.Id && g.Kind == AccessKinds.Added),
            grants.Any(g => g.HouseholdId == t.Id && g.Kind == AccessKinds.BreakGlass))));
    }

    /// <summary>
    /// A person's data is part of the files of the households they lived in. Someone in no
    /// household yet is registry data only, open to the care roles of the municipality.
    /// </summary>
    public async Task<bool> CanOpenPersonAsync(Guid personId, CancellationToken ct)
    {
        var households = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == personId).Select(m => m.HouseholdId).Distinct().ToListAsync(ct);
        if (households.Count == 0) return IsCareRole && await db.Persons.AnyAsync(p => p.Id == personId, ct);
        return (await DecideManyAsync(households, ct)).Values.Any(a => a != FileAccessLevel.Denied);
    }

    public static class Parts
    {
        public const string Members = "leden";
        public const string Timeline = "tijdlijn";
        public static readonly IReadOnlySet<string> All = new HashSet<string> { Members, Timeline };
    }

    /// <summary>
    /// The parts of a file the user may see. Care roles see the whole file; a partner sees only
    /// the parts listed when it was added ("leden", "tijdlijn").
    /// </summary>
    public async Task<IReadOnlySet<string>> VisiblePartsAsync(Guid householdId, CancellationToken ct)
    {
        if (IsCareRole) return Parts.All;
        if (user.Role != Roles.Partner) return new HashSet<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.ActorId;
        var shared = await db.HouseholdAccess.AsNoTracking()
            .Where(a => a.HouseholdId == householdId && a.UserId == userId && a.Kind == AccessKinds.Added && a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now))
            .Select(a => a.SharedParts).ToListAsync(ct);
        return shared.SelectMany(s => (s ?? Parts.Members).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
    }

    /// <summary>Households a partner was added to; they search and see nothing else.</summary>
    public IQueryable<Guid> GrantedHouseholdIds()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.ActorId;
        return db.HouseholdAccess.Where(a => a.UserId == userId && a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now)).Select(a => a.HouseholdId);
    }
}
