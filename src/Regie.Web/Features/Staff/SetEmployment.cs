using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Staff;

public sealed class StaffEmploymentInput
{
    public string? Werkgever { get; set; }
    public Guid? WerkgeverOrganisatieId { get; set; }
}

/// <summary>
/// The municipality records who pays each team member, so referrals and decisions towards a
/// professional's own employer can be marked and counted (issue: conflict-of-interest transparency).
/// </summary>
public sealed class SetEmploymentHandler(RegieDbContext db, UserManager<RegieUser> users, AuditLog audit, CurrentUser current)
{
    public async Task<CommandResult<string>> HandleAsync(string id, StaffEmploymentInput input, CancellationToken ct)
    {
        var user = await StaffQueries.AccountToChangeAsync(db, current, id, ct);
        if (user is null) return CommandResult<string>.NotFound("De medewerker");

        if (StaffRules.ReadEmployerKind(input.Werkgever, out var kind) is { } invalid) return CommandResult<string>.Invalid(invalid);
        var organisationId = StaffRules.EmployerOrganisation(kind, input.WerkgeverOrganisatieId);
        var exists = organisationId is { } org && await db.Organisations.AnyAsync(o => o.Id == org, ct);
        if (StaffRules.CheckEmployment(kind, organisationId, exists) is { } refused) return CommandResult<string>.Invalid(refused);

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
