using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using System.Security.Cryptography;
using System.Text;

namespace Regie.Web.Features.ApiKeys;

public sealed record CreatedApiKey(ApiKey Row, string Key);

/// <summary>
/// API keys for departments' and partners' systems. The key is shown once; Regie keeps only
/// its SHA-256. A fast hash is right here (unlike passwords): the secret has 190 random bits,
/// so there is nothing to guess.
/// </summary>
public sealed class ApiKeyService(IServiceProvider services, TimeProvider clock)
{
    private RegieDbContext? _db;
    /// <summary>Made on first use: a remembered key needs no database, so a busy system's call makes no context for it.</summary>
    private RegieDbContext Db => _db ??= services.GetRequiredService<RegieDbContext>();

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>
    /// Makes a key for an organisation's system, for a team (<paramref name="team"/>: it acts for that team) or for a
    /// person (<paramref name="userEmail"/>: it acts as them, with their id, name, role and team). The team roles need
    /// a team or a person, since every team rule reads the actor's team.
    /// </summary>
    public async Task<Result<CreatedApiKey>> CreateAsync(string? organisation, string? role, string? gemeentecode, string createdBy, CancellationToken ct,
        string? team = null, string? userEmail = null)
    {
        var errors = new ErrorList();
        var gemeente = errors.Take(Gemeentecode.Parse(gemeentecode, "gemeente"));
        if (errors.HasErrors) return errors.Errors[0];
        if (!await Db.Municipalities.AnyAsync(m => m.Code == gemeente.Value, ct)) return ApiKeyRules.MunicipalityUnknown(gemeente.Value);
        if (ApiKeyRules.CheckScopeChoice(team, userEmail) is { } both) return both;

        Guid? teamId = null;
        string? userId = null;
        Guid? organisationId = null;
        if (userEmail is not null)
        {
            var normalized = userEmail.Trim().ToUpperInvariant();
            var user = await Db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.Gemeentecode == gemeente.Value, ct);
            // A person's key acts for the person's own organisation, never for one named on the command line.
            var found = user is null ? null
                : new ApiKeyRules.KeyUser(await RoleOfAsync(Db, user.Id, ct), IsLockedOut(user, clock), user.Organisation ?? user.DisplayName);
            if (ApiKeyRules.CheckPersonKey(userEmail, gemeente.Value, found, role, organisation) is { } refused) return refused;
            role = found!.Role;
            userId = user!.Id;
            teamId = user.TeamId;
            organisationId = user.OrganisationId;
            organisation = found.Organisation;
        }
        else if (team is not null)
        {
            var row = await Db.Teams.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Gemeentecode == gemeente.Value && t.Name == team.Trim(), ct);
            if (ApiKeyRules.CheckTeamKey(team, gemeente.Value, row is not null, role) is { } refused) return refused;
            teamId = row!.Id;
            organisation ??= row.Name;
        }
        else if (ApiKeyRules.CheckRoleNeedsTeam(role) is { } needsTeam)
            return needsTeam;

        var org = errors.Take(TextRules.Required(organisation, "org", "de organisatie", ApiKey.OrganisationMaxLength));
        errors.Add(ApiKeyRules.CheckRole(role));
        if (errors.HasErrors) return errors.Errors[0];

        // Linked by id when the organisation is registered in Regie, so a later change of its name keeps the key's scope.
        if (userId is null)
            organisationId = await Db.Organisations.IgnoreQueryFilters().Where(o => o.Gemeentecode == gemeente.Value && o.Name == org)
                .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (ApiKeyRules.CheckOrganisation(org!, gemeente.Value, userId is not null, role!, organisationId is not null) is { } unknown) return unknown;
        var prefix = Random(8);
        var key = $"rg_{prefix}_{Random(32)}";
        var apiKey = new ApiKey
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeente.Value, Organisation = org!, OrganisationId = organisationId, Role = role!, Prefix = prefix,
            TeamId = teamId, UserId = userId, SecretHash = Hash(key), CreatedBy = createdBy, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Db.ApiKeys.Add(apiKey);
        await Db.SaveChangesAsync(ct);
        return new CreatedApiKey(apiKey, key);
    }

    private static bool IsLockedOut(RegieUser user, TimeProvider clock) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

    private static Task<string?> RoleOfAsync(RegieDbContext db, string userId, CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId orderby r.Name select r.Name).FirstOrDefaultAsync(ct);

    /// <summary>The person a person key acts as, read on every call: a locked account, a change of team or of role stops the key at once.</summary>
    public async Task<RegieUser?> ActingUserAsync(ApiKey key, CancellationToken ct)
    {
        if (key.UserId is null) return null;
        var user = await Db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key.UserId, ct);
        if (user is null || IsLockedOut(user, clock) || user.TeamId != key.TeamId || user.Gemeentecode != key.Gemeentecode
            || user.OrganisationId != key.OrganisationId) return null;
        return await RoleOfAsync(Db, user.Id, ct) == key.Role ? user : null;
    }

    public async Task<ApiKey?> RevokeAsync(string idOrPrefix, CancellationToken ct)
    {
        var key = Guid.TryParse(idOrPrefix, out var id)
            ? await Db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct)
            : await Db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == idOrPrefix, ct);
        if (key is null || !key.IsActive) return key;
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(ct);
        Known.TryRemove(key.Prefix, out _);
        return key;
    }

    private sealed record KnownKey(ApiKey Row, DateTime LoadedAt);

    /// <summary>
    /// Keys read in the last <see cref="RememberFor"/>: a department's system calls the look-up many
    /// times a second, and reading the key row on every call doubled its database work. A revocation
    /// in this process takes effect at once; one by the CLI (another process) within this time.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, KnownKey> Known = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTime> LastUseWritten = new();
    public static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(5);

    /// <summary>The key's row when the presented key is genuine and not revoked.</summary>
    public async Task<ApiKey?> ValidateAsync(string presented, CancellationToken ct)
    {
        var parts = presented.Split('_');
        if (parts is not ["rg", { Length: 8 } prefix, { Length: 32 }]) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        ApiKey? row;
        if (Known.TryGetValue(prefix, out var known) && now - known.LoadedAt < RememberFor) row = known.Row;
        else
        {
            row = await Db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
            if (row is not null) Known[prefix] = new KnownKey(row, now);
        }
        if (row is null || !row.IsActive) return null;
        var expected = Convert.FromHexString(row.SecretHash);
        var actual = Convert.FromHexString(Hash(presented));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual)) return null;

        // Last use helps admins find dead keys; once a minute is precise enough and spares a write per call.
        var stale = now.AddMinutes(-1);
        if (LastUseWritten.TryGetValue(row.Id, out var written) && written >= stale) return row;
        await Db.ApiKeys.Where(k => k.Id == row.Id && (k.LastUsedAt == null || k.LastUsedAt < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        LastUseWritten[row.Id] = now;
        return row;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Random(int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        return sb.ToString();
    }
}
