using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Decisions;

public sealed class WithdrawInput
{
    [Required] public string? Reden { get; set; }
    [Description(Dates.Version)] public int Versie { get; set; }
}

/// <summary>The resident withdraws a report or application, with the reason; nothing is decided on it afterwards.</summary>
public sealed class WithdrawApplicationHandler(ApplicationChanges changes, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid id, WithdrawInput input, CancellationToken ct)
    {
        var (app, failure) = await changes.LoadAsync<int>(id, ct);
        if (app is null) return failure!;
        if (app.RefuseWithdrawal() is { } refused) return CommandResult<int>.Invalid(refused);
        var reason = TextRules.Required(input.Reden, "Reden", "waarom de aanvraag is ingetrokken", ProvisionApplication.WithdrawnReasonMaxLength);
        if (!reason.IsValid) return CommandResult<int>.Invalid(reason.Error!);

        app.Withdraw(reason.Value, changes.Today);
        if (await changes.HouseholdAsync(app.HouseholdId, ct) is { } household)
            timeline.Record(household, EventTypes.ApplicationWithdrawn, $"Aanvraag {LegalFrameworks.Label(app.Framework)} ingetrokken",
                personId: app.PersonId, data: new { aanvraag = app.Id });
        return await changes.SaveAsync(app, input.Versie, "ingetrokken", ct);
    }
}
