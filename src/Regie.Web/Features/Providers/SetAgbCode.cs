using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Providers;

/// <summary>
/// The functional admin sets or clears a provider's AGB code: the code iWmo/iJw messages go to and come from. Eight digits, not
/// starting with 00; one organisation per code in a municipality. Cleared, the provider leaves the message exchange and its
/// decisions are no longer checked against its contract.
/// </summary>
public sealed class SetAgbCodeHandler(RegieDbContext db, CurrentUser user, AuditLog audit)
{
    public async Task<CommandResult<ProviderRow>> HandleAsync(Guid organisationId, AgbCodeInput input, CancellationToken ct)
    {
        if (user.Gemeentecode is null) return CommandResult<ProviderRow>.Forbidden();
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId && o.Kind == OrganisationKinds.Partner, ct);
        if (organisation is null) return CommandResult<ProviderRow>.NotFound("De aanbieder");
        if (AgbCode.Check(input.AgbCode, nameof(input.AgbCode)) is { } invalid) return CommandResult<ProviderRow>.Invalid(invalid);
        var code = AgbCode.Normalize(input.AgbCode);
        if (code is not null && await db.Organisations.Where(o => o.Id != organisationId && o.AgbCode == code).Select(o => o.Name).FirstOrDefaultAsync(ct) is { } holder)
            return CommandResult<ProviderRow>.Invalid(new DomainError(ContractRules.AgbTakenCode, nameof(input.AgbCode), $"AGB-code {code} hoort al bij {holder}."));
        organisation.AgbCode = code;
        var contracts = await db.ProviderContracts.CountAsync(c => c.OrganisationId == organisationId, ct);
        var result = await db.SaveOrConflictAsync(new ProviderRow(organisation.Id, organisation.Name, code, contracts), ct);
        var detail = $"AGB-code van {organisation.Name}: {code ?? "geen"}";
        return await audit.AfterAsync(result, AuditResources.Organisation, null, null, detail, ct);
    }
}
