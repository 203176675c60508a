using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Text;

namespace Regie.Web.Features.Evaluaties;

/// <summary>The policy officer evaluates a change: pick it, the horizon and the months around it; figures only, never a household.</summary>
[Authorize(Roles = Roles.Beleid)]
public sealed class IndexModel(EvaluationData data, EvaluateChange evaluate, RegieDbContext db, AuditLog audit) : PageModel
{
    public const string OwnChoice = "eigen";
    public const string UnknownChange = "Deze wijziging bestaat niet (meer); kies een wijziging uit de lijst.";
    [FromQuery(Name = "wijziging")] public string? Wijziging { get; set; }
    [FromQuery(Name = "datum")] public string? Datum { get; set; }
    [FromQuery(Name = "teams")] public List<string> Teams { get; set; } = [];
    [FromQuery(Name = "horizon")] public string? Horizon { get; set; }
    [FromQuery(Name = "voor")] public string? Voor { get; set; }
    [FromQuery(Name = "na")] public string? Na { get; set; }
    public IReadOnlyList<EvaluableChange> Changes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> TeamOptions { get; private set; } = [];
    public EvaluatieAntwoord? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (Result is not { } r) return Page();
        await AuditExportAsync(r, "csv", ct);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(EvaluationExports.Csv(r))).ToArray(), "text/csv; charset=utf-8", FileName(r, "csv"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (Result is not { } r) return Page();
        await AuditExportAsync(r, "xlsx", ct);
        return File(EvaluationExports.Xlsx(r), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(r, "xlsx"));
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (Result is not { } r) return Page();
        var municipality = await db.Municipalities.Where(m => m.Code == db.Gemeentecode).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "Gemeente";
        await AuditExportAsync(r, "pdf", ct);
        return File(EvaluationExports.Pdf(r, municipality), "application/pdf", FileName(r, "pdf"));
    }

    /// <summary>An export leaves the application: on the trail with what was evaluated (the change and the choices, figures only).</summary>
    private Task AuditExportAsync(EvaluatieAntwoord r, string format, CancellationToken ct) =>
        audit.RecordAsync(AuditActions.Export, AuditResources.Evaluation, detail: $"evaluatie als {format}: {(r.Wijziging.Id is { } id ? $"wijziging {id}" : "eigen keuze")}, {r.Wijziging.Titel}, "
            + $"datum {Domain.Common.DutchDate.Format(r.Wijziging.Datum)}, horizon {r.HorizonMaanden} maanden, {r.MaandenVoor} maanden voor en {r.MaandenNa} na"
            + (r.Wijziging.Teams.Count > 0 ? $", teams {string.Join(", ", r.Wijziging.Teams)}" : ""), ct: ct);

    private static string FileName(EvaluatieAntwoord r, string extension) => $"evaluatie-{r.Wijziging.Datum:yyyy-MM-dd}-h{r.HorizonMaanden}.{extension}";

    /// <summary>The query string of the current choice, for the export links.</summary>
    public string Query(string handler)
    {
        var parts = new List<string> { "handler=" + handler };
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("wijziging", Wijziging);
        Add("datum", Datum);
        foreach (var t in Teams) Add("teams", t);
        Add("horizon", Horizon);
        Add("voor", Voor);
        Add("na", Na);
        return "/monitor/evaluatie?" + string.Join("&", parts);
    }

    /// <summary>Null when the page can be shown (with a result or with errors at the fields); otherwise the refusal (404).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Changes = await data.ChangesAsync(ct);
        TeamOptions = (await data.TeamNamesAsync(ct)).OrderBy(t => t.Value).Select(t => (t.Key, t.Value)).ToList();
        var vraag = new EvaluatieVraag { Horizon = Horizon, Voor = Voor, Na = Na };
        CommandResult<EvaluatieAntwoord> result;
        if (Wijziging == OwnChoice || (string.IsNullOrEmpty(Wijziging) && !string.IsNullOrEmpty(Datum)))
        {
            Wijziging = OwnChoice;
            result = await evaluate.AdHocAsync(Datum, Teams, vraag, ct);
        }
        else if (Guid.TryParse(Wijziging, out var id)) result = await evaluate.ForChangeAsync(id, vraag, ct);
        else if (!string.IsNullOrEmpty(Wijziging))
        {
            // A value that names no change: said at the picker, and no evaluation of another change in its place.
            ModelState.AddModelError("wijziging", UnknownChange);
            return null;
        }
        else if (Changes.Count > 0)
        {
            Wijziging = Changes[0].Id.ToString();
            result = await evaluate.ForChangeAsync(Changes[0].Id, vraag, ct);
        }
        else return null;
        if (result.Status == CommandStatus.NotFound)
        {
            // Unknown, withdrawn or another municipality's: still "not found", with the picker and the reason.
            ModelState.AddModelError("wijziging", UnknownChange);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }
        if (result.IsOk) Result = result.Value;
        else foreach (var e in result.Errors) ModelState.AddModelError(e.Field.ToLowerInvariant(), e.Message);
        return null;
    }
}
