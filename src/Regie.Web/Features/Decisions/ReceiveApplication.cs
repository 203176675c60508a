using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Decisions;

public sealed class ReceiveInput
{
    [Required, Description(Dates.Format)] public string? Aanvraagdatum { get; set; }
    /// <summary>Wmo: the day the investigation report was finished, if it was.</summary>
    [Description("De dag dat het onderzoeksverslag klaar was, als dat zo is; " + Dates.Format)]
    public string? OnderzoekAfgerond { get; set; }
    [Description(Dates.Version)] public int Versie { get; set; }
}

/// <summary>A Wmo report becomes an application: the decision term starts on the day it was received.</summary>
public sealed class ReceiveApplicationHandler(ApplicationChanges changes, DecisionQueries queries, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid id, ReceiveInput input, CancellationToken ct)
    {
        var (app, failure) = await changes.LoadAsync<int>(id, ct);
        if (app is null) return failure!;
        if (app.RefuseReceipt() is { } refused) return CommandResult<int>.Invalid(refused);
        var errors = new ErrorList();
        var applied = changes.ParseDate(input.Aanvraagdatum, "Aanvraagdatum", "de datum van de aanvraag", errors, DateKind.Happened);
        errors.Add(DecisionRules.CheckApplicationDate(applied, unreadableDate: !string.IsNullOrWhiteSpace(input.Aanvraagdatum)));
        var done = changes.ParseDate(input.OnderzoekAfgerond, "OnderzoekAfgerond", "de datum van het onderzoeksverslag", errors, DateKind.Happened);
        errors.AddRange(app.CheckReceipt(applied, done, changes.Today));
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);

        app.Receive(applied!.Value, done, changes.Today, await queries.TermsAsync(ct));
        if (await changes.HouseholdAsync(app.HouseholdId, ct) is { } household)
            timeline.Record(household, EventTypes.ApplicationReceived, $"Aanvraag {LegalFrameworks.Label(app.Framework)}: {ApplicationChanges.Short(app.Requested)}",
                applied, app.PersonId, new { aanvraag = app.Id, kader = app.Framework.ToString() });
        return await changes.SaveAsync(app, input.Versie, "aanvraag ontvangen", ct);
    }
}
