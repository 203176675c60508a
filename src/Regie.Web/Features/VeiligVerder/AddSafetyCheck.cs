using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>Adds a check to the Veilig Verder plan: who keeps watch, how, how often, and when next.</summary>
public sealed class AddSafetyCheckHandler(RegieDbContext db, VeiligVerderChanges changes)
{
    public async Task<CommandResult<CreatedVersionAnswer>> HandleAsync(Guid householdId, SafetyCheckInput input, CancellationToken ct)
    {
        var (work, failure) = await changes.LoadAsync<CreatedVersionAnswer>(householdId, ct);
        if (work is null) return failure!;
        var errors = new ErrorList();
        if (work.VeiligVerder.AddCheck(work.Plan, input.ToFields(), changes.Today, changes.Now, errors) is not ({ } check, { } change))
            return CommandResult<CreatedVersionAnswer>.Invalid(errors.Errors);
        db.SafetyChecks.Add(check);
        return (await changes.SaveAsync(work, input.Versie, change, ct)).Select(version => new CreatedVersionAnswer(check.Id, version));
    }
}
