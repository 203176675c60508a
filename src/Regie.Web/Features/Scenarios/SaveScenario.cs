using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Models;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Text.Json;

namespace Regie.Web.Features.Scenarios;

/// <summary>One assumption as typed in the cockpit.</summary>
public sealed class ParameterInput
{
    public string? Basis { get; set; }
    public string? Laag { get; set; }
    public string? Hoog { get; set; }
}

/// <summary>The cockpit's form: every assumption, the seed, the number of runs, the models to compare and (to save) a name.</summary>
public sealed class ScenarioInput
{
    public string? Naam { get; set; }
    public string? Omschrijving { get; set; }
    public string? Seed { get; set; }
    public string? Runs { get; set; }
    public List<string> Modellen { get; set; } = [];
    /// <summary>The form's one-time token, made when the cockpit is shown: saving the same form twice saves one scenario.</summary>
    public string? Formulier { get; set; }
    public Dictionary<string, ParameterInput> Parameters { get; set; } = [];

    /// <summary>The form filled with an estimate, today's model and the CPB suggestion selected.</summary>
    public static ScenarioInput From(ScenarioParameters p, ScenarioModel modelNu) => new()
    {
        Seed = "2024",
        Runs = "10000",
        Formulier = Guid.NewGuid().ToString(),
        Modellen = modelNu == ScenarioModel.TeamVoorComplex ? [nameof(ScenarioModel.TeamVoorComplex), nameof(ScenarioModel.TeamVoorAlles)]
            : [modelNu.ToString(), nameof(ScenarioModel.TeamVoorComplex)],
        Parameters = p.Items.ToDictionary(x => x.Key, x => new ParameterInput { Basis = ScenarioFormat.Field(x.Base), Laag = ScenarioFormat.Field(x.Low), Hoog = ScenarioFormat.Field(x.High) }),
    };
}

/// <summary>What the cockpit computed: the assumptions as run and their result.</summary>
public sealed record ScenarioRun(ScenarioParameters Parameters, IReadOnlyList<ScenarioModel> Models, int Seed, int Runs, DateOnly StandVan, StoredScenarioResult Result);

/// <summary>
/// The policy officer runs a scenario and saves it. Every field is checked first (a number where a number belongs, each range low ≤
/// base ≤ high within what the parameter can be, seed, runs, models, and to save a name); on any error nothing is run or saved.
/// </summary>
public sealed class SaveScenarioHandler(RegieDbContext db, ScenarioQueries queries, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string NumberInvalidCode = "scenario-number-invalid";
    public const string ModelInvalidCode = "scenario-model-invalid";

    public static bool MayUse(CurrentUser user) => user.Role == Roles.Beleid;

    /// <summary>Reads and checks the form against today's estimate (which says which assumptions the policy officer changed), and runs it.</summary>
    public async Task<CommandResult<ScenarioRun>> RunAsync(ScenarioInput input, CancellationToken ct)
    {
        if (!MayUse(user)) return CommandResult<ScenarioRun>.Forbidden();
        var estimate = await queries.EstimateAsync(ct);
        var errors = new ErrorList();
        var items = new List<ScenarioParameter>();
        foreach (var p in estimate.Parameters.Items)
        {
            var typed = input.Parameters.GetValueOrDefault(p.Key) ?? new ParameterInput();
            double Read(string? text, string part)
            {
                if (ScenarioFormat.TryParse(text, out var v)) return v;
                errors.Add(new DomainError(NumberInvalidCode, $"Parameters[{p.Key}].{part}", $"{p.Label}: vul een getal in, bijvoorbeeld 0,25 of 68.500."));
                return double.NaN;
            }
            var (b, low, high) = (Read(typed.Basis, "Basis"), Read(typed.Laag, "Laag"), Read(typed.Hoog, "Hoog"));
            var changed = !(Same(b, p.Base) && Same(low, p.Low) && Same(high, p.High));
            items.Add(p with { Base = b, Low = low, High = high, Changed = changed, Source = changed ? $"Aangepast door de beleidsmedewerker; de schatting was {ScenarioFormat.Field(p.Base)} ({ScenarioFormat.Field(p.Low)}–{ScenarioFormat.Field(p.High)}), bron: {p.Source}" : p.Source });
        }
        var parameters = new ScenarioParameters(items);
        // The rules of each assumption too, except at a field already refused as no number.
        var unreadable = errors.Errors.Select(e => e.Field).ToHashSet();
        errors.AddRange(parameters.Check().Where(e => !unreadable.Contains(e.Field) && e.Code != ScenarioParameters.MissingCode));
        int? seed = int.TryParse(input.Seed?.Trim(), out var s) ? s : null;
        int? runs = int.TryParse(input.Runs?.Trim().Replace(".", "", StringComparison.Ordinal), out var r) ? r : null;
        var models = new List<ScenarioModel>();
        foreach (var m in input.Modellen.Distinct())
            if (Enums.ParseDefined<ScenarioModel>(m) is { } model) models.Add(model);
            else errors.Add(new DomainError(ModelInvalidCode, "Modellen", "Kies werkwijzen uit de lijst."));
        errors.AddRange(MonteCarlo.CheckRun(seed, runs, models.Count));
        if (errors.HasErrors) return CommandResult<ScenarioRun>.Invalid(errors.Errors);
        var result = ScenarioQueries.Compute(parameters, models, seed!.Value, runs!.Value);
        if (!ScenarioQueries.IsFinite(result)) return CommandResult<ScenarioRun>.Invalid([MonteCarlo.NotFinite()]);
        return CommandResult<ScenarioRun>.Ok(new ScenarioRun(parameters, models, seed.Value, runs.Value, estimate.StandVan, result));
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));

    /// <summary>
    /// Saves the form as a scenario. The same form posted again with the same content (same one-time token) answers the scenario the
    /// first post saved, also when both posts race: the unique index lets one in, the other finds it. The same form changed and posted
    /// again (back in the browser, other figures) is another scenario and is saved as one.
    /// </summary>
    public async Task<CommandResult<Guid>> SaveAsync(ScenarioInput input, CancellationToken ct)
    {
        if (!MayUse(user)) return CommandResult<Guid>.Forbidden();
        Guid? form = Guid.TryParse(input.Formulier, out var t) && t != Guid.Empty ? t : null;
        var errors = new ErrorList();
        var name = errors.Take(TextRules.Required(input.Naam, "Naam", "een naam voor het scenario", Scenario.NameMaxLength));
        var description = errors.Take(TextRules.Optional(input.Omschrijving, "Omschrijving", "de omschrijving", Scenario.DescriptionMaxLength));
        var run = await RunAsync(input, ct);
        if (!run.IsOk) return CommandResult<Guid>.Invalid([.. errors.Errors, .. run.Errors]);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        var scenario = Create(user.Gemeentecode!, name!, description, run.Value!, user.ActorId, user.ActorName, clock.GetUtcNow().UtcDateTime);
        Guid? token = form is { } f ? SubmissionToken(f, scenario) : null;
        if (token is { } once && await SavedFromAsync(once, ct) is { } earlier) return CommandResult<Guid>.Ok(earlier);
        scenario.FormToken = token;
        db.Scenarios.Add(scenario);
        var saved = await db.SaveOrConflictAsync(scenario.Id, ct);
        if (saved.Status == CommandStatus.Conflict && token is { } raced && await SavedFromAsync(raced, ct) is { } first) return CommandResult<Guid>.Ok(first);
        return await audit.AfterAsync(saved, AuditResources.Scenario, null, null,
            $"scenario {scenario.Id} opgeslagen: {scenario.Name}, startgetal {scenario.Seed}, {scenario.Runs} rekenrondes, stand van {DutchDate.Format(scenario.DataDate)}", ct, AuditActions.Create);
    }

    /// <summary>The form's token together with what it asks to save: equal only for the same form posted with the same content.</summary>
    private static Guid SubmissionToken(Guid form, Scenario s)
    {
        var content = string.Join('\n', form.ToString("N"), s.Name, s.Description, s.Models, s.ParametersJson, s.Seed, s.Runs, s.DataDate, s.ModelVersion);
        return new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)).AsSpan(0, 16));
    }

    private async Task<Guid?> SavedFromAsync(Guid token, CancellationToken ct) =>
        await db.Scenarios.AsNoTracking().Where(s => s.FormToken == token).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    /// <summary>The stored form of a run; also used by the demo.</summary>
    public static Scenario Create(string gemeentecode, string name, string? description, ScenarioRun run, string byId, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Name = name, Description = description, Models = string.Join(',', run.Models),
        ParametersJson = JsonSerializer.Serialize(run.Parameters.Items, ScenarioFormat.Json), Seed = run.Seed, Runs = run.Runs, ModelVersion = MonteCarlo.ModelVersion, DataDate = run.StandVan,
        ResultJson = JsonSerializer.Serialize(run.Result, ScenarioFormat.Json), CreatedBy = byId, CreatedByName = byName, CreatedAt = now, Version = 1,
    };

    /// <summary>Deletes a saved scenario of this municipality; the audit trail keeps that it was there and who removed it.</summary>
    public async Task<CommandResult<Guid>> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (!MayUse(user)) return CommandResult<Guid>.Forbidden();
        if (await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } scenario) return CommandResult<Guid>.NotFound("Het scenario");
        db.Scenarios.Remove(scenario);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(id, ct), AuditResources.Scenario, null, null, $"scenario {id} verwijderd: {scenario.Name}", ct, AuditActions.Delete);
    }

    /// <summary>Computes a saved scenario again from its stored assumptions and seed: true when every figure is the same as stored.</summary>
    public static bool Reproduces(Scenario s) =>
        JsonSerializer.Serialize(ScenarioQueries.Compute(ScenarioQueries.Parameters(s), ScenarioQueries.Models(s), s.Seed, s.Runs), ScenarioFormat.Json) == s.ResultJson;
}
