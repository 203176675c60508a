using Regie.Domain.Models;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Pdf;
using System.Globalization;
using System.Text;

namespace Regie.Web.Features.Evaluaties;

/// <summary>An evaluation for the council: a report, a workbook and a CSV with the same figures, intervals, withheld cells and method as the page.</summary>
public static class EvaluationExports
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    public const string WithheldText = "niet getoond: " + Evaluation.WithheldReason;

    public static string Design(EvaluatieAntwoord r) => r.Ontwerp == "verschil-in-verschillen" ? "Verschil in verschillen" : "Onderbroken tijdreeks";

    /// <summary>A mean as the page shows it: a share as a percentage, money in euros, days and marks as numbers; – when withheld.</summary>
    public static string Mean(double? v, string unit) => v is not { } x ? "–" : unit switch
    {
        "procentpunt" => x.ToString("0.0", Dutch) + "%",
        "euro" => "€ " + x.ToString("#,##0", Dutch),
        "dagen" => x.ToString("0.0", Dutch) + " dagen",
        _ => x.ToString("0.00", Dutch),
    };

    /// <summary>An effect or difference: percentage points, euros, days or mark points, with its sign.</summary>
    public static string Effect(double? v, string unit) => v is not { } x ? "–" : unit switch
    {
        "procentpunt" => x.ToString("+0.0;-0.0;0.0", Dutch) + " procentpunt",
        "euro" => "€ " + x.ToString("+#,##0;-#,##0;0", Dutch),
        "dagen" => x.ToString("+0.0;-0.0;0.0", Dutch) + " dagen",
        _ => x.ToString("+0.00;-0.00;0.00", Dutch) + " punt",
    };

    public static string Interval(Interval? i, string unit) => i is null ? "–" : $"{Effect(i.Laag, unit)} tot {Effect(i.Hoog, unit)}";

    public static string Count(int? n) => n?.ToString(Dutch) ?? "minder dan 10";

    public static string Subtitle(EvaluatieAntwoord r) =>
        $"{Design(r)}; wijziging op {r.Wijziging.Datum.ToString("d MMMM yyyy", Dutch)}, geteld per kwartaal vanaf {r.GeteldVanaf.ToString("d MMMM yyyy", Dutch)}{(r.Overgangskwartaal is { } q ? $" (het kwartaal vanaf {q.ToString("d MMMM yyyy", Dutch)} telt niet mee)" : "")}; {r.MaandenVoor} maanden ervoor, {r.MaandenNa} erna; horizon {r.HorizonMaanden} maanden; gegevens tot {r.DatumGegevens.ToString("d MMMM yyyy", Dutch)}"
        + (r.Wijziging.Teams.Count > 0 ? $"; gewijzigd: {string.Join(", ", r.Wijziging.Teams)}; vergelijking: {string.Join(", ", r.Vergelijkingsteams)}" : "; hele gemeente");

    /// <summary>The rows of an outcome's summary: the cells, then the estimates with their intervals.</summary>
    public static IEnumerable<(string Name, string Value, string Ci90, string Ci95)> Rows(Uitkomst u)
    {
        foreach (var c in u.Cellen)
            yield return ($"{c.Groep}, {c.Periode.ToLowerInvariant()} ({Count(c.Huishoudens)} huishoudens)", Mean(c.Gemiddelde, u.Eenheid), "", "");
        yield return ("Effect", Effect(u.Effect.Waarde, u.Eenheid), Interval(u.Effect.Interval90, u.Eenheid), Interval(u.Effect.Interval95, u.Eenheid));
        if (u.Niveauverandering is { } level) yield return ("Sprong in niveau bij de wijziging", Effect(level.Waarde, u.Eenheid), Interval(level.Interval90, u.Eenheid), Interval(level.Interval95, u.Eenheid));
        if (u.Trendverandering is { } trend) yield return ("Verandering van de trend per maand", Effect(trend.Waarde, u.Eenheid), Interval(trend.Interval90, u.Eenheid), Interval(trend.Interval95, u.Eenheid));
        if (u.PretrendVerschil is { } pre) yield return ("Verschil in trend per maand vóór de wijziging", Effect(pre.Waarde, u.Eenheid), Interval(pre.Interval90, u.Eenheid), Interval(pre.Interval95, u.Eenheid));
    }

    public static string Csv(EvaluatieAntwoord r)
    {
        var sb = new StringBuilder();
        string Line(params string?[] cells) => string.Join(';', cells.Select(c => (c ?? "").Replace(";", ",", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)));
        string N(double? v) => v?.ToString(Dutch) ?? "";
        sb.AppendLine(Line("Evaluatie", r.Wijziging.Titel, r.Wijziging.Datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Design(r)));
        sb.AppendLine(Line("Horizon (maanden)", r.HorizonMaanden.ToString(Dutch), "Maanden voor", r.MaandenVoor.ToString(Dutch), "Maanden na", r.MaandenNa.ToString(Dutch), "Geteld vanaf", r.GeteldVanaf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Overgangskwartaal", r.Overgangskwartaal?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            "Gegevens tot", r.DatumGegevens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Seed", r.Seed.ToString(CultureInfo.InvariantCulture), "Trekkingen", r.Trekkingen.ToString(CultureInfo.InvariantCulture)));
        sb.AppendLine(Line("Gewijzigde teams", string.Join(", ", r.Wijziging.Teams), "Vergelijkingsteams", string.Join(", ", r.Vergelijkingsteams)));
        sb.AppendLine();
        sb.AppendLine(Line("Uitkomst", "Eenheid", "Groep", "Periode", "Huishoudens", "Gemiddelde", "Toelichting"));
        foreach (var u in r.Uitkomsten)
            foreach (var c in u.Cellen)
                sb.AppendLine(Line(u.Naam, u.Eenheid == "procentpunt" ? "%" : u.Eenheid, c.Groep, c.Periode, c.Huishoudens?.ToString(Dutch) ?? "<10", N(c.Gemiddelde), c.Gemiddelde is null ? WithheldText : ""));
        sb.AppendLine();
        sb.AppendLine(Line("Uitkomst", "Schatting", "Eenheid", "Waarde", "90% laag", "90% hoog", "95% laag", "95% hoog", "Toelichting", "Definitie"));
        foreach (var u in r.Uitkomsten)
        {
            void Estimate(string name, Schatting? s)
            {
                if (s is null) return;
                sb.AppendLine(Line(u.Naam, name, u.Eenheid, N(s.Waarde), N(s.Interval90?.Laag), N(s.Interval90?.Hoog), N(s.Interval95?.Laag), N(s.Interval95?.Hoog),
                    u.NietGetoond is { } why ? "niet getoond: " + why : name == "Verschil in trend vóór de wijziging" ? u.PretrendWaarschuwing : "", u.Definitie));
            }
            Estimate("Effect", u.Effect);
            Estimate("Sprong in niveau", u.Niveauverandering);
            Estimate("Verandering van de trend per maand", u.Trendverandering);
            Estimate("Verschil in trend vóór de wijziging", u.PretrendVerschil);
        }
        sb.AppendLine();
        sb.AppendLine(Line("Uitkomst", "Maand (t.o.v. de wijziging)", "Vanaf", "Gemiddelde", "Huishoudens", "Vergelijking", "Huishoudens vergelijking"));
        foreach (var u in r.Uitkomsten)
            foreach (var m in u.Maanden)
                sb.AppendLine(Line(u.Naam, m.Maand.ToString(CultureInfo.InvariantCulture), m.Vanaf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(m.Gemiddelde),
                    m.Huishoudens?.ToString(Dutch) ?? "<10", N(m.Vergelijking), r.Vergelijkingsteams.Count == 0 ? "" : m.VergelijkingHuishoudens?.ToString(Dutch) ?? "<10"));
        sb.AppendLine();
        sb.AppendLine(Line("Methode", r.Methode));
        return sb.ToString();
    }

    public static byte[] Xlsx(EvaluatieAntwoord r)
    {
        static object Cell(double? v) => v is { } x ? x : "";
        var rows = new List<SpreadsheetRow>
        {
            new([$"Evaluatie: {r.Wijziging.Titel}"], Bold: true),
            new([Subtitle(r)]),
            new(["Uitkomst", "Schatting", "Eenheid", "Waarde", "90% laag", "90% hoog", "95% laag", "95% hoog", "Toelichting"], Bold: true),
        };
        foreach (var u in r.Uitkomsten)
            foreach (var (name, s) in new[] { ("Effect", u.Effect), ("Sprong in niveau", u.Niveauverandering), ("Verandering van de trend per maand", u.Trendverandering), ("Verschil in trend vóór de wijziging", u.PretrendVerschil) })
                if (s is not null)
                    rows.Add(new([u.Naam, name, u.Eenheid, Cell(s.Waarde), Cell(s.Interval90?.Laag), Cell(s.Interval90?.Hoog), Cell(s.Interval95?.Laag), Cell(s.Interval95?.Hoog),
                        u.NietGetoond is { } why ? "niet getoond: " + why : name.StartsWith("Verschil in trend", StringComparison.Ordinal) ? u.PretrendWaarschuwing ?? "" : ""]));
        rows.Add(new(["Uitkomst", "Groep", "Periode", "Huishoudens", "Gemiddelde", "Toelichting"], Bold: true));
        foreach (var u in r.Uitkomsten)
            foreach (var c in u.Cellen)
                rows.Add(new([u.Naam, c.Groep, c.Periode, c.Huishoudens is { } n ? n : "<10", Cell(c.Gemiddelde), c.Gemiddelde is null ? WithheldText : ""]));
        rows.Add(new(["Uitkomst", "Maand", "Vanaf", "Gemiddelde", "Huishoudens", "Vergelijking", "Huishoudens vergelijking"], Bold: true));
        foreach (var u in r.Uitkomsten)
            foreach (var m in u.Maanden)
                rows.Add(new([u.Naam, m.Maand, m.Vanaf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Cell(m.Gemiddelde), m.Huishoudens is { } n ? n : "<10", Cell(m.Vergelijking),
                    r.Vergelijkingsteams.Count == 0 ? "" : m.VergelijkingHuishoudens is { } c ? c : "<10"]));
        rows.Add(new(["Definities"], Bold: true));
        foreach (var u in r.Uitkomsten) rows.Add(new([u.Naam, u.Definitie]));
        rows.Add(new(["Methode"], Bold: true));
        rows.Add(new([r.Methode]));
        return Spreadsheet.Write("Evaluatie", rows);
    }

    public static byte[] Pdf(EvaluatieAntwoord r, string municipality)
    {
        var pdf = new PdfDocumentBuilder($"Evaluatie {r.Wijziging.Titel}", $"{municipality} · Evaluatie van een wijziging · {r.Wijziging.Titel}", DateTime.UtcNow)
            .Title($"Wat deed de wijziging? {r.Wijziging.Titel}", Subtitle(r))
            .Paragraph("Alleen gemiddelden en aantallen uit de eigen registratie van de gemeente, geen huishoudens. Een cijfer dat op minder dan 10 huishoudens rust, staat er niet in (–). "
                + "Intervallen: 90% en 95%, uit een bootstrap over huishoudens.");
        foreach (var u in r.Uitkomsten)
        {
            pdf.Heading(u.Naam);
            pdf.Paragraph(u.Definitie);
            if (u.NietGetoond is { } why) pdf.Paragraph("Niet getoond: " + why + ".", bold: true);
            pdf.Table(["", "Waarde", "90%-interval", "95%-interval"], [0.4, 0.2, 0.2, 0.2], Rows(u).Select(x => (IReadOnlyList<string?>)[x.Name, x.Value, x.Ci90, x.Ci95]));
            var unit = u.Eenheid == "procentpunt" ? "%" : u.Eenheid;
            IReadOnlyList<ChartSeries> series = r.Vergelijkingsteams.Count > 0
                ? [new("Gewijzigde teams", u.Maanden.Select(m => m.Gemiddelde).ToList()), new("Vergelijkingsteams", u.Maanden.Select(m => m.Vergelijking).ToList())]
                : [new("Alle huishoudens", u.Maanden.Select(m => m.Gemiddelde).ToList())];
            pdf.LineChart($"{u.Naam} per kwartaal van start; de lijn is de wijziging (– is minder dan 10 huishoudens)",
                u.Maanden.Select(m => m.Vanaf.ToString("MM-yy", Dutch)).ToList(), series, unit, u.Maanden.ToList().FindIndex(m => m.Maand == 0));
            if (u.PretrendWaarschuwing is { } warning) pdf.Paragraph("Let op: " + warning, bold: true);
        }
        pdf.Heading("De effecten naast elkaar");
        foreach (var u in r.Uitkomsten)
            pdf.IntervalChart($"{u.Naam}: effect met 90%-interval", [new ChartInterval("Effect", u.Effect.Waarde, u.Effect.Interval90?.Laag, u.Effect.Interval90?.Hoog)], u.Eenheid);
        pdf.Heading("Wat deze methode kan en niet kan laten zien");
        pdf.Paragraph(r.Methode);
        return pdf.Build();
    }
}
