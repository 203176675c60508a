using Microsoft.EntityFrameworkCore;
using Regie.Domain.Coordination;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Staff;

public sealed record StaffRow(string Id, string Name, string Email, string? Role, string? Team, string? Organisation,
    EmployerKind? EmployerKind, string? Employer, bool TwoFactorEnabled = false, bool IsAandachtsfunctionaris = false);

public sealed record StaffEmployment(EmployerKind? Werkgever, Guid? WerkgeverOrganisatieId);

/// <summary>The staff of the admin's municipality: their role, team, organisation and employer.</summary>
public sealed class StaffQueries(RegieDbContext db, CurrentUser current)
{
    public async Task<IReadOnlyList<StaffRow>> ListAsync(CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        var teams = await db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order().First());
        var staff = await db.Users.Where(u => u.Gemeentecode == gemeente).OrderBy(u => u.DisplayName).ToListAsync(ct);
        return staff.Select(u => new StaffRow(u.Id, u.DisplayName, u.Email ?? "", roleOf.GetValueOrDefault(u.Id),
            u.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
            u.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : u.Organisation,
            u.EmployerKind, u.EmployerOrganisationId is { } e ? organisations.GetValueOrDefault(e) : null, u.TwoFactorEnabled,
            u.IsAandachtsfunctionaris)).ToList();
    }

    public async Task<StaffRow?> FindAsync(string id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(s => s.Id == id);

    public async Task<StaffEmployment?> EmploymentAsync(string id, CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        return await db.Users.Where(u => u.Id == id && u.Gemeentecode == gemeente)
            .Select(u => new StaffEmployment(u.EmployerKind, u.EmployerOrganisationId)).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// The account a use case of this slice changes: only one of the admin's own municipality, so an id from another
    /// municipality is "not found" for every change. Tracked, to be saved through the user manager.
    /// </summary>
    internal static Task<RegieUser?> AccountToChangeAsync(RegieDbContext db, CurrentUser current, string id, CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        return db.Users.SingleOrDefaultAsync(u => u.Id == id && u.Gemeentecode == gemeente, ct);
    }
}
