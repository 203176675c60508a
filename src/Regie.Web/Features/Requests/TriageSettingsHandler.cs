using Microsoft.EntityFrameworkCore;
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

public sealed record TriageSettingsChange(DateTime ValidFrom, string ChangedBy, TriageModel Model);

/// <summary>The municipality's triage table: the current one, changes by the functioneel beheerder, and the history.</summary>
public sealed class TriageSettingsHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string ModelInvalidCode = "triage-model-invalid";
    public const string ModelAndCellsChangedCode = "triage-model-and-cells-changed";

    /// <summary>A municipality that never chose works as model (a): the team takes everything.</summary>
    public async Task<TriageSettings> CurrentAsync(CancellationToken ct)
    {
        var row = await db.TriageConfigurations.AsNoTracking().OrderByDescending(c => c.ValidFrom).FirstOrDefaultAsync(ct);
        return row is null ? TriageSettings.Preset(TriageModel.TeamVoorAlles) : TriageSettings.FromStored(row.Model, row.ConcernThreshold, row.MinDomains, row.Routes);
    }

    public async Task<IReadOnlyList<TriageSettingsChange>> HistoryAsync(CancellationToken ct) =>
        await db.TriageConfigurations.AsNoTracking().OrderByDescending(c => c.ValidFrom).Take(50)
            .Select(c => new TriageSettingsChange(c.ValidFrom, c.ChangedBy, c.Model)).ToListAsync(ct);

    /// <summary>
    /// The admin page sends the chosen model and every cell of the table it showed. Changed cells under the
    /// same model make an own table (a preset fine-tuned); a new model applies its preset. Both at once is
    /// ambiguous without script to redraw the table, so it is refused rather than silently dropping cells.
    /// </summary>
    public async Task<CommandResult<TriageSettings>> SaveFromFormAsync(TriageSettingsInput input, CancellationToken ct)
    {
        var current = await CurrentAsync(ct);
        var posted = Enums.ParseDefined<TriageModel>(input.Model);
        var cellsChanged = current.Routes.Any(r => input.Routes.GetValueOrDefault(Key(r.Key.Class, r.Key.Maatwerk)) is { } v && v != r.Value.ToString());
        if (posted is { } model && model != TriageModel.Eigen && cellsChanged)
        {
            if (model != current.Model)
                return CommandResult<TriageSettings>.Invalid(new DomainError(ModelAndCellsChangedCode, "Model",
                    "U wijzigde zowel de werkwijze als losse routes. Sla eerst de nieuwe werkwijze op en pas daarna de routes aan."));
            input.Model = nameof(TriageModel.Eigen);
        }
        return await SaveAsync(input, ct);
    }

    public static string Key(CaseClass c, bool maatwerk) => $"{c}:{(maatwerk ? 1 : 0)}";

    public async Task<CommandResult<TriageSettings>> SaveAsync(TriageSettingsInput input, CancellationToken ct)
    {
        if (user.Role is not Roles.Beheerder && !user.IsSystem) return CommandResult<TriageSettings>.Forbidden();
        var errors = new ErrorList();
        var model = Enums.ParseDefined<TriageModel>(input.Model);
        if (model is null) errors.Add(new DomainError(ModelInvalidCode, "Model", "Kies een werkwijze."));
        TriageRules.CheckSettings(input.Zorgdrempel, input.MinimumLeefgebieden, errors);
        var table = model is null ? null : TriageSettings.Preset(model.Value, input.Zorgdrempel, input.MinimumLeefgebieden);
        if (model == TriageModel.Eigen)
        {
            var routes = new Dictionary<(CaseClass, bool), TriageRoute>(table!.Routes);
            foreach (var cell in routes.Keys.ToList())
            {
                var key = Key(cell.Item1, cell.Item2);
                if (Enums.ParseDefined<TriageRoute>(input.Routes.GetValueOrDefault(key)) is not { } route)
                    errors.Add(new DomainError(ModelInvalidCode, $"Routes[{key}]", $"Kies een route voor {TriageRules.Label(cell.Item1)}{(cell.Item2 ? " met maatwerk" : "")}."));
                else routes[cell] = route;
            }
            table = table with { Routes = routes };
        }
        if (errors.HasErrors) return CommandResult<TriageSettings>.Invalid(errors.Errors);
        db.TriageConfigurations.Add(new TriageConfiguration
        {
            Id = Guid.CreateVersion7(), Gemeentecode = user.Gemeentecode!, Model = table!.Model, ConcernThreshold = table.ConcernThreshold,
            MinDomains = table.MinDomains, Routes = table.RoutesToStored(), ValidFrom = clock.GetUtcNow().UtcDateTime, ChangedBy = user.ActorName,
        });
        var result = await db.SaveOrConflictAsync(table, ct);
        if (result.IsOk) await audit.RecordAsync(AuditActions.Update, AuditResources.Triage, detail: $"werkwijze {table.Model}: {table.RoutesToStored()}", ct: ct);
        return result;
    }
}
