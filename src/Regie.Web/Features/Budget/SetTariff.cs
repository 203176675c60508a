using Regie.Domain.Budget;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>The municipality sets a tariff with its source; a new version is a new row, so a saved comparison keeps the figure it used.</summary>
public sealed class SetTariffHandler(RegieDbContext db, BudgetSettings settings, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(TariffInput input, CancellationToken ct)
    {
        if (!BudgetRoles.MaySetSettings(user)) return CommandResult<Guid>.Forbidden();
        // The defaults are stored first, so the new version follows them rather than replacing the whole table.
        await settings.CurrentTariffsAsync(ct);
        var errors = new ErrorList();
        var code = errors.Take(Tariffs.ParseCode(input.Code, Tariff.CodeMaxLength));
        var name = errors.Take(TextRules.Required(input.Naam, "Naam", "de naam", Tariff.NameMaxLength));
        var unit = errors.Take(TextRules.Required(input.Eenheid, "Eenheid", "de eenheid", Tariff.UnitMaxLength));
        var source = errors.Take(TextRules.Required(input.Bron, "Bron", "de bron van het bedrag", Tariff.SourceMaxLength));
        var amount = errors.Take(Mandates.ParseAmount(input.Bedrag, "Bedrag", "het tarief"));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        var row = new Tariff
        {
            Id = Guid.CreateVersion7(), Gemeentecode = user.Gemeentecode!, Code = code!, Name = name!, Unit = unit!, Amount = amount, Source = source!,
            ValidFrom = clock.GetUtcNow().UtcDateTime, ChangedBy = user.ActorName,
        };
        db.Tariffs.Add(row);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(row.Id, ct), AuditResources.Tariff, null, null, $"tarief {code}: {new Money(amount)} {unit}", ct);
    }
}
