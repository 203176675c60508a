using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Audit;

public static class AuditExtensions
{
    /// <summary>Records a change once it is saved; a refused or conflicting command changed nothing and is not a change.</summary>
    public static async Task<CommandResult<T>> AfterAsync<T>(this AuditLog audit, CommandResult<T> result, string resource,
        Guid? householdId, Guid? personId, string detail, CancellationToken ct, string action = AuditActions.Update)
    {
        if (result.IsOk) await audit.RecordAsync(action, resource, householdId, personId, detail: detail, ct: ct);
        return result;
    }
}
