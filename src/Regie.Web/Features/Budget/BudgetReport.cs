using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using System.Globalization;
using System.Text;

namespace Regie.Web.Features.Budget;

/// <summary>One cell of the accountability report: what one team committed and paid under one law, for one life domain, in one month.</summary>
public sealed record ReportRow(string Team, LegalFramework Kader, ZrmDomain? Leefgebied, string Periode, decimal Toegezegd, decimal Betaald)
{
    public decimal Openstaand => Toegezegd - Betaald;
}

public sealed record ReportTotal(string Naam, decimal Toegezegd, decimal Betaald);

public sealed record BudgetReportView(int Jaar, IReadOnlyList<ReportRow> Regels, IReadOnlyList<ReportTotal> PerWet, IReadOnlyList<ReportTotal> PerTeam,
    IReadOnlyList<ReportTotal> PerLeefgebied, IReadOnlyList<ReportTotal> PerPeriode, decimal Toegezegd, decimal Betaald,
    decimal VermedenSchatting, int VergelekenUitgaven);

/// <summary>
/// The municipality's report: spending per law, team, life domain and month as before the integral budget,
/// now derived from the one ledger (each spend's entries carry the law it serves). Net commitments count
/// (committed minus released); paid is the part already paid out.
/// </summary>
public sealed class BudgetReport(RegieDbContext db, CurrentUser user, AuditLog audit)
{
    public async Task<BudgetReportView?> BuildAsync(int year, CancellationToken ct)
    {
        if (!(user.IsSystem || user.Role is Roles.Beleid or Roles.Teamleider)) return null;
        var q = db.BudgetEntries.AsNoTracking().Where(e => e.Year == year && e.Framework != null
            && (e.Kind == EntryKind.Verplichting || e.Kind == EntryKind.Vrijval || e.Kind == EntryKind.Betaling));
        if (user.Role == Roles.Teamleider) q = q.Where(e => e.TeamId == user.TeamId);
        var entries = await q.Select(e => new { e.TeamId, e.Framework, e.Domain, e.Kind, e.Amount, e.BookedOn }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = entries.GroupBy(e => (Team: teams.GetValueOrDefault(e.TeamId) ?? "", e.Framework!.Value, e.Domain, Periode: e.BookedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .Select(g => new ReportRow(g.Key.Team, g.Key.Value, g.Key.Domain, g.Key.Periode,
                g.Sum(e => e.Kind == EntryKind.Verplichting ? e.Amount : e.Kind == EntryKind.Vrijval ? -e.Amount : 0m),
                g.Sum(e => e.Kind == EntryKind.Betaling ? e.Amount : 0m)))
            .Where(r => r.Toegezegd != 0m || r.Betaald != 0m)
            .OrderBy(r => r.Periode).ThenBy(r => r.Team, StringComparer.Ordinal).ThenBy(r => r.Kader).ThenBy(r => r.Leefgebied).ToList();

        static IReadOnlyList<ReportTotal> By<TKey>(IEnumerable<ReportRow> rows, Func<ReportRow, TKey> key, Func<TKey, string> name) =>
            rows.GroupBy(key).OrderBy(g => g.Key).Select(g => new ReportTotal(name(g.Key), g.Sum(r => r.Toegezegd), g.Sum(r => r.Betaald))).ToList();

        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var spends = db.Spends.AsNoTracking().Where(s => s.RequestedAt >= from && s.RequestedAt < from.AddYears(1) && s.AvoidedEstimate != null
            && (s.Status == SpendStatus.Goedgekeurd || s.Status == SpendStatus.Betaald));
        if (user.Role == Roles.Teamleider) spends = spends.Where(s => s.TeamId == user.TeamId);
        var avoided = (await spends.Select(s => s.AvoidedEstimate!.Value).ToListAsync(ct));

        return new BudgetReportView(year, rows,
            By(rows, r => r.Kader, LegalFrameworks.Label), By(rows, r => r.Team, t => t),
            By(rows, r => r.Leefgebied?.ToString() ?? "", k => Enum.TryParse<ZrmDomain>(k, out var d) ? Zrm.Label(d) : "Onbekend"),
            By(rows, r => r.Periode, p => p),
            rows.Sum(r => r.Toegezegd), rows.Sum(r => r.Betaald), avoided.Sum(), avoided.Count);
    }

    public static string Euro(decimal amount) => new Money(amount).ToString();

    private static readonly string[] Header = ["Periode", "Team", "Wettelijk kader", "Leefgebied", "Toegezegd (netto)", "Betaald", "Openstaand"];

    private static string[] Cells(ReportRow r) =>
        [r.Periode, r.Team, LegalFrameworks.Label(r.Kader), r.Leefgebied is { } d ? Zrm.Label(d) : "", Euro(r.Toegezegd), Euro(r.Betaald), Euro(r.Openstaand)];

    /// <summary>Semicolon-separated, as Dutch spreadsheets open it; amounts written as € 1.234,56.</summary>
    public async Task<byte[]> CsvAsync(BudgetReportView report, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.Export, AuditResources.BudgetReport, detail: $"rapportage {report.Jaar} (csv)", ct: ct);
        var sb = new StringBuilder();
        void Line(IEnumerable<string> cells) => sb.Append(string.Join(';', cells.Select(Quote))).Append("\r\n");
        Line(Header);
        foreach (var r in report.Regels) Line(Cells(r));
        Line(["Totaal", "", "", "", Euro(report.Toegezegd), Euro(report.Betaald), Euro(report.Toegezegd - report.Betaald)]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Quote(string s) => s.IndexOfAny([';', '"', '\n', '\r']) >= 0 || s.Contains('€') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>The report as a workbook: amounts are numeric cells with a euro number format, so they add up in the spreadsheet.</summary>
    public async Task<byte[]> XlsxAsync(BudgetReportView report, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.Export, AuditResources.BudgetReport, detail: $"rapportage {report.Jaar} (xlsx)", ct: ct);
        var rows = new List<Infrastructure.SpreadsheetRow> { new([.. Header], Bold: true) };
        foreach (var r in report.Regels)
            rows.Add(new([r.Periode, r.Team, LegalFrameworks.Label(r.Kader), r.Leefgebied is { } dm ? Zrm.Label(dm) : "", r.Toegezegd, r.Betaald, r.Openstaand]));
        rows.Add(new(["Totaal", "", "", "", report.Toegezegd, report.Betaald, report.Toegezegd - report.Betaald], Bold: true));
        return Infrastructure.Spreadsheet.Write($"Uitgaven {report.Jaar}", rows);
    }

    public const string EuroFormat = Infrastructure.Spreadsheet.EuroFormat;
}
