using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Coordination;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Beheer;

public sealed record StaffRow(string Id, string Name, string Email, string? Role, string? Team, string? Organisation,
    EmployerKind? EmployerKind, string? Employer);

public sealed record StaffEmployment(EmployerKind? Werkgever, Guid? WerkgeverOrganisatieId);

public sealed class StaffEmploymentInput
{
    public string? Werkgever { get; set; }
    public Guid? WerkgeverOrganisatieId { get; set; }
}

/// <summary>
/// The municipality records who pays each team member, so referrals and decisions towards a
/// professional's own employer can be marked and counted (issue: conflict-of-interest transparency).
/// </summary>
public sealed class StaffHandler(RegieDbContext db, UserManager<RegieUser> users, AuditLog audit, CurrentUser current)
{
    public const string EmployerKindInvalidCode = "employer-kind-invalid";
    public const string EmployerOrganisationUnknownCode = "employer-organisation-unknown";

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
            u.EmployerKind, u.EmployerOrganisationId is { } e ? organisations.GetValueOrDefault(e) : null)).ToList();
    }

    public async Task<StaffRow?> FindAsync(string id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(s => s.Id == id);

    public async Task<StaffEmployment?> EmploymentAsync(string id, CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        return await db.Users.Where(u => u.Id == id && u.Gemeentecode == gemeente)
            .Select(u => new StaffEmployment(u.EmployerKind, u.EmployerOrganisationId)).SingleOrDefaultAsync(ct);
    }

    public async Task<CommandResult<string>> SetEmploymentAsync(string id, StaffEmploymentInput input, CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.Gemeentecode == gemeente, ct);
        if (user is null) return CommandResult<string>.NotFound("De medewerker");

        var errors = new List<DomainError>();
        EmployerKind? kind = null;
        if (!string.IsNullOrWhiteSpace(input.Werkgever))
        {
            if (Enum.TryParse<EmployerKind>(input.Werkgever, out var parsed) && Enum.IsDefined(parsed)) kind = parsed;
            else errors.Add(new DomainError(EmployerKindInvalidCode, "Werkgever", "Kies een van de soorten werkgever."));
        }
        // The municipality itself is the employer of its own staff: an organisation is only kept for the other kinds.
        var organisationId = kind is EmployerKind.Gemeente or null ? null : input.WerkgeverOrganisatieId;
        if (organisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
            errors.Add(new DomainError(EmployerOrganisationUnknownCode, "WerkgeverOrganisatieId", "Deze organisatie bestaat niet (meer)."));
        if (errors.Count == 0 && Employment.Check(kind, organisationId) is { } rule)
            errors.Add(rule with { Field = "WerkgeverOrganisatieId" });
        if (errors.Count > 0) return CommandResult<string>.Invalid(errors);

        var before = $"{user.EmployerKind?.ToString() ?? "onbekend"} {user.EmployerOrganisationId}".Trim();
        user.EmployerKind = kind;
        user.EmployerOrganisationId = organisationId;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) return CommandResult<string>.Conflict();
        await audit.RecordAsync(AuditActions.Update, AuditResources.Staff,
            detail: $"werkgever van {user.DisplayName}: {before} → {kind?.ToString() ?? "onbekend"} {organisationId}".Trim(), ct: ct);
        return CommandResult<string>.Ok(user.Id);
    }
}
