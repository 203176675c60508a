using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

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
        await audit.RecordAsync(AuditActions.Export, BudgetAudit.Report, detail: $"rapportage {report.Jaar} (csv)", ct: ct);
        var sb = new StringBuilder();
        void Line(IEnumerable<string> cells) => sb.Append(string.Join(';', cells.Select(Quote))).Append("\r\n");
        Line(Header);
        foreach (var r in report.Regels) Line(Cells(r));
        Line(["Totaal", "", "", "", Euro(report.Toegezegd), Euro(report.Betaald), Euro(report.Toegezegd - report.Betaald)]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Quote(string s) => s.IndexOfAny([';', '"', '\n', '\r']) >= 0 || s.Contains('€') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>
    /// A minimal Office Open XML workbook: amounts are numeric cells with a euro number format, so they add
    /// up in the spreadsheet and show as € 1.234,56 in a Dutch spreadsheet.
    /// </summary>
    public async Task<byte[]> XlsxAsync(BudgetReportView report, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.Export, BudgetAudit.Report, detail: $"rapportage {report.Jaar} (xlsx)", ct: ct);
        var sheet = new StringBuilder();
        sheet.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var rowNumber = 0;
        void Row(IEnumerable<object> cells, bool bold = false)
        {
            rowNumber++;
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{rowNumber}\">");
            var col = 0;
            foreach (var c in cells)
            {
                var reference = $"{(char)('A' + col++)}{rowNumber}";
                if (c is decimal d)
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"{(bold ? 3 : 1)}\"><v>{d.ToString(CultureInfo.InvariantCulture)}</v></c>");
                else
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\" s=\"{(bold ? 2 : 0)}\"><is><t>{SecurityElement.Escape(c.ToString())}</t></is></c>");
            }
            sheet.Append("</row>");
        }
        Row(Header, bold: true);
        foreach (var r in report.Regels)
            Row([r.Periode, r.Team, LegalFrameworks.Label(r.Kader), r.Leefgebied is { } dm ? Zrm.Label(dm) : "", r.Toegezegd, r.Betaald, r.Openstaand]);
        Row(["Totaal", "", "", "", report.Toegezegd, report.Betaald, report.Toegezegd - report.Betaald], bold: true);
        sheet.Append("</sheetData></worksheet>");

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            const string Decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
            Part("[Content_Types].xml", Decl + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
            Part("_rels/.rels", Decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part("xl/workbook.xml", Decl + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + $"<sheets><sheet name=\"Uitgaven {report.Jaar}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", Decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
            Part("xl/styles.xml", Decl + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + $"<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"{SecurityElement.Escape(EuroFormat)}\"/></numFmts>"
                + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
                + "<xf numFmtId=\"164\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/></cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
            Part("xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return stream.ToArray();
    }

    /// <summary>Euro with thousands separator and cents; a Dutch spreadsheet shows it as € 1.234,56.</summary>
    public const string EuroFormat = "\"€\"\\ #,##0.00;\"€\"\\ -#,##0.00";
}
