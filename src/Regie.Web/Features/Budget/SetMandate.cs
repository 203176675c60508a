using Regie.Domain.Budget;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>
/// The municipality sets the mandate of a role or of one person; an empty amount for a person ends their own
/// mandate and the role's applies again. Every change is a new row, so the limit that applied stays known.
/// </summary>
public sealed class SetMandateHandler(RegieDbContext db, BudgetSettings settings, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<decimal?>> HandleAsync(MandateInput input, CancellationToken ct)
    {
        if (!BudgetRoles.MaySetSettings(user)) return CommandResult<decimal?>.Forbidden();
        var errors = new ErrorList();
        string? role = null, userId = null, staffName = null;
        if (!string.IsNullOrWhiteSpace(input.GebruikerId))
        {
            staffName = (await settings.StaffAsync(ct)).FirstOrDefault(u => u.Id == input.GebruikerId).Name;
            if (staffName is null) errors.Add(Mandates.UserUnknown());
            userId = input.GebruikerId;
        }
        else if (input.Rol is { } r && BudgetSettings.MandateRoles.Contains(r)) role = r;
        else errors.Add(Mandates.RoleInvalid());
        decimal? limit = null;
        if (!string.IsNullOrWhiteSpace(input.Bedrag) || userId is null)
        {
            var parsed = Mandates.ParseLimit(input.Bedrag, "Bedrag");
            if (parsed.IsValid) limit = parsed.Value;
            else errors.Add(parsed.Error);
        }
        if (errors.HasErrors) return CommandResult<decimal?>.Invalid(errors.Errors);
        db.SpendMandates.Add(new SpendMandate
        {
            Id = Guid.CreateVersion7(), Gemeentecode = user.Gemeentecode!, Role = role, UserId = userId, Limit = limit,
            ValidFrom = clock.GetUtcNow().UtcDateTime, ChangedBy = user.ActorName,
        });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(limit, ct), AuditResources.Mandate, null, null,
            $"mandaat {(userId is null ? "rol " + Roles.Label(role!) : staffName)}: {(limit is { } set ? new Money(set).ToString() : "persoonlijk mandaat beëindigd")}", ct);
    }
}
