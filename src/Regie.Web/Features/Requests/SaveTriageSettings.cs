using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Requests;

public sealed class TriageSettingsInput
{
    [Required, OneOf(typeof(TriageModel))] public string? Model { get; set; }
    public int Zorgdrempel { get; set; } = TriageSettings.DefaultConcernThreshold;
    public int MinimumLeefgebieden { get; set; } = TriageSettings.DefaultMinDomains;
    /// <summary>"Class:0|1" → route name; only read for the own table (model Eigen).</summary>
    [Description("Alleen bij model Eigen: per \"Klasse:0\" of \"Klasse:1\" (zonder of met maatwerk) een route.")]
    [MapKeys(typeof(CaseClass), "{names}:(0|1)"), OneOf(typeof(TriageRoute))]
    public Dictionary<string, string?> Routes { get; set; } = [];
}

/// <summary>The functioneel beheerder changes the municipality's triage table; every version is kept (a new row), so the monitor knows which applied when.</summary>
public sealed class SaveTriageSettingsHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, TriageSettingsQueries queries)
{
    /// <summary>The admin page's posting: the model and every cell it showed, read by <see cref="TriageRules.ModelFromForm"/>.</summary>
    public async Task<CommandResult<TriageSettings>> SaveFromFormAsync(TriageSettingsInput input, CancellationToken ct)
    {
        var model = TriageRules.ModelFromForm(await queries.CurrentAsync(ct), input.Model, input.Routes);
        if (!model.IsValid) return CommandResult<TriageSettings>.Invalid(model.Error!);
        input.Model = model.Value;
        return await SaveAsync(input, ct);
    }

    public async Task<CommandResult<TriageSettings>> SaveAsync(TriageSettingsInput input, CancellationToken ct)
    {
        if (user.Role is not Roles.Beheerder && !user.IsSystem) return CommandResult<TriageSettings>.Forbidden();
        var errors = new ErrorList();
        var table = TriageRules.ParseSettings(input.Model, input.Zorgdrempel, input.MinimumLeefgebieden, input.Routes, errors);
        if (table is null) return CommandResult<TriageSettings>.Invalid(errors.Errors);
        db.TriageConfigurations.Add(new TriageConfiguration
        {
            Id = Guid.CreateVersion7(), Gemeentecode = user.Gemeentecode!, Model = table.Model, ConcernThreshold = table.ConcernThreshold,
            MinDomains = table.MinDomains, Routes = table.RoutesToStored(), ValidFrom = clock.GetUtcNow().UtcDateTime, ChangedBy = user.ActorName,
        });
        var result = await db.SaveOrConflictAsync(table, ct);
        if (result.IsOk) await audit.RecordAsync(AuditActions.Update, AuditResources.Triage, detail: $"werkwijze {table.Model}: {table.RoutesToStored()}", ct: ct);
        return result;
    }
}
