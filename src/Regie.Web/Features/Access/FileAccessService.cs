using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
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

    /// <summary>Files (a household's, or a person's) this request was refused; <see cref="RefusedReadAudit"/> records them when the answer is "not found".</summary>
    private readonly HashSet<(Guid? HouseholdId, Guid? PersonId)> _refused = [];

    public FileAccessService(RegieDbContext db, CurrentUser user, TimeProvider clock)
    {
        (this.db, this.user, this.clock) = (db, user, clock);
        db.SavedChanges += (_, _) => _decided.Clear();
    }

    /// <summary>The files refused so far in this request, handed over once: the next call returns none.</summary>
    public IReadOnlyList<(Guid? HouseholdId, Guid? PersonId)> TakeRefused()
    {
        var refused = _refused.ToList();
        _refused.Clear();
        return refused;
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
        if (level == FileAccessLevel.Denied) _refused.Add((householdId, null));
        else _refused.Remove((householdId, null));
        return level;
    }

    public async Task<bool> CanOpenAsync(Guid householdId, CancellationToken ct) => await DecideAsync(householdId, ct) != FileAccessLevel.Denied;

    /// <summary>Whether the user may do this work in the file (see <see cref="FileAccessRules.CheckWork"/>).</summary>
    public async Task<bool> MayAsync(Guid householdId, FileWork work, CancellationToken ct) =>
        IsCareRole && FileAccessRules.Allows(await DecideAsync(householdId, ct), work);

    /// <summary>
    /// Null when the user may do this work in the household's file; otherwise the answer for the handler to give:
    /// not found when the file is not theirs to open (so guessing ids reveals nothing), forbidden with the rule's
    /// code when they may read it but not do this (emergency access, another team's file).
    /// </summary>
    public async Task<CommandResult<T>?> RefuseAsync<T>(Guid householdId, FileWork work, CancellationToken ct, string what = "Het huishouden")
    {
        var level = await DecideAsync(householdId, ct);
        if (level == FileAccessLevel.Denied) return CommandResult<T>.NotFound(what);
        if (!IsCareRole) return CommandResult<T>.Forbidden();
        return FileAccessRules.CheckWork(level, work) is { } refusal ? CommandResult<T>.Forbidden(refusal) : null;
    }

    /// <summary>One round trip for a whole result list (search hits).</summary>
    public async Task<IReadOnlyDictionary<Guid, FileAccessLevel>> DecideManyAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        if (householdIds.Count == 0) return new Dictionary<Guid, FileAccessLevel>();
        var teams = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new
            {
                h.Id, h.ResponsibleTeamId,
                // Routed away from the teams: a request decided for another route (the desk, a general provision).
                UnheldWithContent = h.ResponsibleTeamId == null && db.HelpRequests.Any(r => r.HouseholdId == h.Id
                    && r.Status == RequestStatus.Besloten && r.DecidedRoute != Domain.Care.TriageRoute.Wijkteam),
            }).ToListAsync(ct);
        if (user.IsSystem) return teams.ToDictionary(t => t.Id, _ => FileAccessLevel.Team);

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.ActorId;
        var grants = await db.HouseholdAccess.AsNoTracking()
            .Where(HouseholdAccess.ActiveAt(now)).Where(a => a.UserId == userId && householdIds.Contains(a.HouseholdId))
            .Select(a => new { a.HouseholdId, a.Kind }).ToListAsync(ct);
        return teams.ToDictionary(t => t.Id, t => FileAccessRules.Decide(new FileAccessFacts(
            user.Role, user.TeamId, t.ResponsibleTeamId,
            // The desk's grant is a record of its work, not a key: while no team holds the file, the registry rule opens it.
            grants.Any(g => g.HouseholdId == t.Id && g.Kind == AccessKinds.Added),
            grants.Any(g => g.HouseholdId == t.Id && g.Kind == AccessKinds.BreakGlass), t.UnheldWithContent)));
    }

    /// <summary>
    /// A person's data belongs to the file of the household they live in now (or, when they live in none any more,
    /// the one they lived in last): that file decides who reads their current address and contact details and who
    /// changes them. Someone who can open only a household the person lived in before sees what was recorded while
    /// they lived there. Someone in no household at all is registry data only, open to the care roles.
    /// </summary>
    public async Task<PersonAccess> DecidePersonAsync(Guid personId, CancellationToken ct)
    {
        var decided = await DecidePersonLevelAsync(personId, ct);
        if (decided.Level == PersonAccessLevel.Denied) _refused.Add((null, personId));
        else _refused.Remove((null, personId));
        return decided;
    }

    private async Task<PersonAccess> DecidePersonLevelAsync(Guid personId, CancellationToken ct)
    {
        var memberships = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == personId)
            .Select(m => new { m.HouseholdId, m.From, m.Until }).ToListAsync(ct);
        if (memberships.Count == 0)
            return IsCareRole && await db.Persons.AnyAsync(p => p.Id == personId, ct)
                ? new PersonAccess(PersonAccessLevel.Current, null, FileAccessLevel.Team, new HashSet<Guid>())
                : PersonAccess.None;
        var current = memberships.OrderBy(m => m.Until is null ? 0 : 1).ThenByDescending(m => m.Until).ThenByDescending(m => m.From).First().HouseholdId;
        var levels = await DecideManyAsync(memberships.Select(m => m.HouseholdId).Distinct().ToList(), ct);
        var open = levels.Where(l => l.Value != FileAccessLevel.Denied).Select(l => l.Key).ToHashSet();
        var currentLevel = levels.GetValueOrDefault(current, FileAccessLevel.Denied);
        if (currentLevel != FileAccessLevel.Denied) return new PersonAccess(PersonAccessLevel.Current, current, currentLevel, open);
        return open.Count > 0 ? new PersonAccess(PersonAccessLevel.FormerHousehold, current, FileAccessLevel.Denied, open) : PersonAccess.None;
    }

    public async Task<bool> CanOpenPersonAsync(Guid personId, CancellationToken ct) => (await DecidePersonAsync(personId, ct)).Level != PersonAccessLevel.Denied;

    /// <summary>
    /// Null when the user may do this work on the person: only through the file the person belongs to now.
    /// Through a former household the answer is forbidden with <see cref="PersonAccess.OtherFileCode"/>.
    /// </summary>
    public async Task<CommandResult<T>?> RefusePersonAsync<T>(Guid personId, FileWork work, CancellationToken ct)
    {
        var person = await DecidePersonAsync(personId, ct);
        if (person.Level == PersonAccessLevel.Denied) return CommandResult<T>.NotFound("De persoon");
        if (!IsCareRole) return CommandResult<T>.Forbidden();
        if (person.Level == PersonAccessLevel.FormerHousehold) return CommandResult<T>.Forbidden(PersonAccess.OtherFile);
        return FileAccessRules.CheckWork(person.CurrentFileLevel, work) is { } refusal ? CommandResult<T>.Forbidden(refusal) : null;
    }

    /// <summary>A team takes the household over: the desk's grants end now (saved with the caller's change).</summary>
    public async Task EndDeskGrantsAsync(Guid householdId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var grant in await db.HouseholdAccess.Where(HouseholdAccess.Open()).Where(a => a.HouseholdId == householdId && a.Kind == AccessKinds.Desk).ToListAsync(ct))
            grant.Revoke(now);
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
            .Where(HouseholdAccess.ActiveAt(now)).Where(a => a.HouseholdId == householdId && a.UserId == userId && a.Kind == AccessKinds.Added)
            .Select(a => a.SharedParts).ToListAsync(ct);
        return shared.SelectMany(s => (s ?? Parts.Members).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
    }

    /// <summary>Households a partner was added to; they search and see nothing else.</summary>
    public IQueryable<Guid> GrantedHouseholdIds()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.ActorId;
        return db.HouseholdAccess.Where(HouseholdAccess.ActiveAt(now)).Where(a => a.UserId == userId).Select(a => a.HouseholdId);
    }
}

public enum PersonAccessLevel
{
    Denied,
    /// <summary>Only through a household the person no longer lives in: what was recorded then, no current address or contact.</summary>
    FormerHousehold,
    /// <summary>Through the file the person belongs to now.</summary>
    Current,
}

/// <param name="CurrentHouseholdId">The household the person lives in now, or lived in last; null for someone in no household.</param>
/// <param name="CurrentFileLevel">The user's access to that household's file.</param>
/// <param name="OpenHouseholds">The person's households (now and before) whose file the user may open.</param>
public sealed record PersonAccess(PersonAccessLevel Level, Guid? CurrentHouseholdId, FileAccessLevel CurrentFileLevel, IReadOnlySet<Guid> OpenHouseholds)
{
    public static readonly PersonAccess None = new(PersonAccessLevel.Denied, null, FileAccessLevel.Denied, new HashSet<Guid>());

    public const string OtherFileCode = "person-in-other-file";
    public static readonly Regie.Domain.Common.DomainError OtherFile = new(OtherFileCode, "",
        "Deze persoon woont nu in een huishouden waarvan u het dossier niet heeft. Wijzigen doet het team van dat huishouden.");
}
