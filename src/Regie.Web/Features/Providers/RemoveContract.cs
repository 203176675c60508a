using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Providers;

/// <summary>
/// The functional admin removes a contract line. Decisions already taken keep their products: the contract is checked when a
/// decision is made, not afterwards.
/// </summary>
public sealed class RemoveContractHandler(RegieDbContext db, CurrentUser user, AuditLog audit)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid organisationId, Guid contractId, CancellationToken ct)
    {
        if (user.Gemeentecode is null) return CommandResult<Guid>.Forbidden();
        var organisation = await db.Organisations.Where(o => o.Id == organisationId && o.Kind == OrganisationKinds.Partner).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var row = organisation is null ? null : await db.ProviderContracts.FirstOrDefaultAsync(c => c.Id == contractId && c.OrganisationId == organisationId, ct);
        if (row is null) return CommandResult<Guid>.NotFound("De contractregel");
        db.ProviderContracts.Remove(row);
        var detail = $"contract van {organisation} verwijderd: {ProviderQueries.Label(row.Framework, row.Category, row.ProductCode)}";
        return await audit.AfterAsync(await db.SaveOrConflictAsync(row.Id, ct), AuditResources.Organisation, null, null, detail, ct);
    }
}
