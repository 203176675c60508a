using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Providers;

/// <summary>The functional admin adds a contract line to a provider: a framework, a product category and optionally a product code.</summary>
public sealed class AddContractHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<ContractView>> HandleAsync(Guid organisationId, ContractInput input, CancellationToken ct)
    {
        if (user.Gemeentecode is not { } gemeente) return CommandResult<ContractView>.Forbidden();
        var organisation = await db.Organisations.Where(o => o.Id == organisationId && o.Kind == OrganisationKinds.Partner).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct);
        if (organisation is null) return CommandResult<ContractView>.NotFound("De aanbieder");
        var errors = new ErrorList();
        if (ContractRules.Parse(input.Kader, input.Categorie, input.Productcode, errors) is not { } line) return CommandResult<ContractView>.Invalid(errors.Errors);
        // The unique index cannot see two lines without a product code as the same (NULL differs from NULL), so the handler asks.
        if (await db.ProviderContracts.AnyAsync(c => c.OrganisationId == organisationId && c.Framework == line.Framework && c.Category == line.Category
                && c.ProductCode == line.ProductCode, ct))
            return CommandResult<ContractView>.Invalid(new DomainError(ContractRules.DuplicateCode, nameof(input.Categorie),
                $"{organisation.Name} heeft al een contract voor {ProviderQueries.Label(line.Framework, line.Category, line.ProductCode)}."));
        var row = new ProviderContract
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeente, OrganisationId = organisationId, Framework = line.Framework, Category = line.Category,
            ProductCode = line.ProductCode, CreatedBy = user.ActorId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ProviderContracts.Add(row);
        var detail = $"contract van {organisation.Name}: {ProviderQueries.Label(line.Framework, line.Category, line.ProductCode)}";
        return await audit.AfterAsync(await db.SaveOrConflictAsync(ProviderQueries.View(row), ct), AuditResources.Organisation, null, null, detail, ct, AuditActions.Create);
    }
}
