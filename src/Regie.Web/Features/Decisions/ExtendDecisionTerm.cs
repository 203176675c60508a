using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Decisions;

public sealed class ExtendInput
{
    [Required, Description("Met hoeveel weken, van 1 tot het maximum van de gemeente.")]
    public int Weken { get; set; }
    [Required, Description("Minstens 10 tekens; de aanvrager krijgt de reden te lezen.")]
    public string? Reden { get; set; }
    [Description(Dates.Version)] public int Versie { get; set; }
}

/// <summary>Verdaging (Awb 4:14): the decision term is extended once, before it ends, with a reason the applicant reads.</summary>
public sealed class ExtendDecisionTermHandler(ApplicationChanges changes, DecisionQueries queries, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid id, ExtendInput input, CancellationToken ct)
    {
        var (app, failure) = await changes.LoadAsync<int>(id, ct);
        if (app is null) return failure!;
        var terms = await queries.TermsAsync(ct);
        var errors = app.CheckExtension(input.Weken, input.Reden, changes.Today, terms);
        if (errors.Count > 0) return CommandResult<int>.Invalid(errors);
        var reason = TextRules.Optional(input.Reden, "Reden", "de reden", ProvisionApplication.ExtensionReasonMaxLength);
        if (!reason.IsValid) return CommandResult<int>.Invalid(reason.Error!);

        app.Extend(input.Weken, reason.Value, changes.Today, terms);
        if (await changes.HouseholdAsync(app.HouseholdId, ct) is { } household)
            timeline.Record(household, EventTypes.ApplicationExtended, $"Beslistermijn {LegalFrameworks.Label(app.Framework)} verdaagd met {input.Weken} weken",
                personId: app.PersonId, data: new { aanvraag = app.Id, weken = input.Weken });
        return await changes.SaveAsync(app, input.Versie, $"verdaagd met {input.Weken} weken", ct);
    }
}
