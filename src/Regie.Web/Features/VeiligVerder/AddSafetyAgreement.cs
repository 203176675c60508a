using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>Adds a safety agreement: who does what when danger returns, at which signal.</summary>
public sealed class AddSafetyAgreementHandler(RegieDbContext db, VeiligVerderChanges changes)
{
    public async Task<CommandResult<CreatedVersionAnswer>> HandleAsync(Guid householdId, SafetyAgreementInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync<CreatedVersionAnswer>(householdId, ct);
        if (work is null) return failure!;
        var errors = new ErrorList();
        if (work.VeiligVerder.AddArrangement(work.Plan, input.ToFields(), work.Members, changes.Now, errors) is not ({ } arrangement, { } change))
            return CommandResult<CreatedVersionAnswer>.Invalid(errors.Errors);
        db.SafetyArrangements.Add(arrangement);
        return (await changes.SaveAsync(work, input.Versie, change, ct)).Select(version => new CreatedVersionAnswer(arrangement.Id, version));
    }
}
