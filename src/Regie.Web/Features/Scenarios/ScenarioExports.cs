using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Pdf;
using System.Globalization;
using System.Text;

namespace Regie.Web.Features.Scenarios;

/// <summary>A saved scenario for the council: a report, a workbook and a CSV with the same figures, assumptions and sources as the page.</summary>
public static class ScenarioExports
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    public const string ComparisonCaption = "Vergelijking van de werkwijzen (basis, gemiddelde en 80 %-interval)";
    public const string ParametersCaption = "Aannames met hun bereik en bron";

    private static string Plain(double v) => v.ToString("0.######", Dutch);

    public static string Csv(ScenarioDetail s)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(';', "Scenario", Clean(s.Naam), $"startgetal {s.Seed}", $"{s.Rekenrondes} rekenrondes", $"modelversie {s.Modelversie}", $"stand van {s.StandVan:yyyy-MM-dd}"));
        sb.AppendLine();
        sb.AppendLine(ComparisonCaption);
        sb.AppendLine("Werkwijze;Uitkomst;Eenheid;Basis;Gemiddelde;Mediaan;P10;P90");
        foreach (var m in s.Uitkomsten)
            foreach (var o in m.Uitkomsten)
                sb.AppendLine(string.Join(';', Clean(m.Naam), Clean(o.Naam), o.Eenheid, Plain(o.Basis), Plain(o.Gemiddelde), Plain(o.Mediaan), Plain(o.P10), Plain(o.P90)));
        sb.AppendLine();
        sb.AppendLine(Clean(ScenarioFormat.SensitivityCaption(s.Gevoeligheid)) + $" (basis {Plain(s.Gevoeligheid.Basis)} {s.Gevoeligheid.Eenheid})");
        sb.AppendLine("Aanname;Bij ondergrens;Bij bovengrens;Uitslag");
        foreach (var b in s.Gevoeligheid.Balken) sb.AppendLine(string.Join(';', Clean(b.Naam), Plain(b.BijLaag), Plain(b.BijHoog), Plain(b.Uitslag)));
        sb.AppendLine();
        sb.AppendLine(ParametersCaption);
        sb.AppendLine("Sleutel;Aanname;Eenheid;Basis;Laag;Hoog;Aangepast;Bron");
        foreach (var p in s.Parameters)
            sb.AppendLine(string.Join(';', p.Sleutel, Clean(p.Naam), p.Eenheid, Plain(p.Basis), Plain(p.Laag), Plain(p.Hoog), p.Aangepast ? "ja" : "nee", Clean(p.Bron)));
        sb.AppendLine();
        sb.AppendLine("Methode;" + Clean(s.Methode));
        return sb.ToString();
    }

    private static string Clean(string text) => text.Replace(';', ',').Replace('\n', ' ');

    public static byte[] CsvBytes(ScenarioDetail s) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv(s))];

    public static byte[] Xlsx(ScenarioDetail s)
    {
        var rows = new List<SpreadsheetRow>
        {
            new([$"Scenario {s.Naam}", $"startgetal {s.Seed}", $"{s.Rekenrondes} rekenrondes", $"modelversie {s.Modelversie}", $"stand van {DutchDate(s.StandVan)}"], Bold: true),
            new([ComparisonCaption], Bold: true),
            new(["Werkwijze", "Uitkomst", "Eenheid", "Basis", "Gemiddelde", "Mediaan", "P10", "P90"], Bold: true),
        };
        foreach (var m in s.Uitkomsten)
            foreach (var o in m.Uitkomsten)
                rows.Add(new([m.Naam, o.Naam, o.Eenheid, (decimal)o.Basis, (decimal)o.Gemiddelde, (decimal)o.Mediaan, (decimal)o.P10, (decimal)o.P90]));
        rows.Add(new([ScenarioFormat.SensitivityCaption(s.Gevoeligheid) + $" (basis {Plain(s.Gevoeligheid.Basis)} {s.Gevoeligheid.Eenheid})"], Bold: true));
        rows.Add(new(["Aanname", "Bij ondergrens", "Bij bovengrens", "Uitslag"], Bold: true));
        foreach (var b in s.Gevoeligheid.Balken) rows.Add(new([b.Naam, (decimal)b.BijLaag, (decimal)b.BijHoog, (decimal)b.Uitslag]));
        rows.Add(new([ParametersCaption], Bold: true));
        rows.Add(new(["Sleutel", "Aanname", "Eenheid", "Basis", "Laag", "Hoog", "Aangepast", "Bron"], Bold: true));
        foreach (var p in s.Parameters) rows.Add(new([p.Sleutel, p.Naam, p.Eenheid, (decimal)p.Basis, (decimal)p.Laag, (decimal)p.Hoog, p.Aangepast ? "ja" : "nee", p.Bron]));
        rows.Add(new(["Methode", s.Methode]));
        return Spreadsheet.Write("Scenario", rows);
    }

    private static string DutchDate(DateOnly d) => Domain.Common.DutchDate.Format(d);

    public static byte[] Pdf(ScenarioDetail s, string municipality)
    {
        var pdf = new PdfDocumentBuilder($"Scenario {s.Naam}", $"{municipality} · Scenario's voor de werkwijze · {s.Naam}", s.GemaaktOp)
            .Title(s.Naam, $"Startgetal {s.Seed}, {s.Rekenrondes.ToString("N0", Dutch)} rekenrondes, modelversie {s.Modelversie}, gegevens met stand van {DutchDate(s.StandVan)}")
            .Paragraph((string.IsNullOrWhiteSpace(s.Omschrijving) ? "" : s.Omschrijving + " ")
                + "Een modelberekening, geen meting: per werkwijze de verwachte kosten en uitkomsten met hun 80 %-interval, uit de aannames hieronder."
                + " Met hetzelfde startgetal en dezelfde aannames geeft de berekening precies dezelfde cijfers.");
        pdf.Heading(ComparisonCaption);
        var outputs = s.Uitkomsten.Count == 0 ? [] : s.Uitkomsten[0].Uitkomsten.Select(o => (o.Sleutel, o.Naam, o.Eenheid)).ToList();
        foreach (var (key, name, unit) in outputs)
        {
            var rows = s.Uitkomsten.Select(m => (m.Naam, Output: m.Uitkomsten.First(o => o.Sleutel == key))).ToList();
            // The chart first, its table with the same figures right after it.
            pdf.IntervalChart($"{name}: gemiddelde en 80 %-interval per werkwijze",
                rows.Select(r => new ChartInterval(r.Naam, r.Output.Gemiddelde, r.Output.P10, r.Output.P90)).ToList(), unit, zeroLine: false);
            pdf.Table(["Werkwijze", "Basis", "Gemiddelde", "80 %-interval"], [0.4, 0.18, 0.18, 0.24],
                rows.Select(r => (IReadOnlyList<string?>)[r.Naam, ScenarioFormat.Value(r.Output.Basis, unit), ScenarioFormat.Value(r.Output.Gemiddelde, unit),
                    $"{ScenarioFormat.Value(r.Output.P10, unit)} – {ScenarioFormat.Value(r.Output.P90, unit)}"]));
        }
        pdf.Heading(ScenarioFormat.SensitivityCaption(s.Gevoeligheid));
        pdf.Paragraph($"Elke aanname op haar onder- en bovengrens, de rest op de basiswaarde; de grootste uitslag eerst. Basis: {ScenarioFormat.Value(s.Gevoeligheid.Basis, s.Gevoeligheid.Eenheid)}.");
        var bars = s.Gevoeligheid.Balken.Take(12).ToList();
        pdf.BarChart("Gevoeligheid (tornado): de uitkomst met één aanname op haar onder- en bovengrens", bars.Select(b => (b.Naam, b.BijLaag, b.BijHoog)).ToList(),
            s.Gevoeligheid.Eenheid, s.Gevoeligheid.Basis);
        pdf.Table(["Aanname", "Bij ondergrens", "Bij bovengrens", "Uitslag"], [0.46, 0.18, 0.18, 0.18],
            bars.Select(b => (IReadOnlyList<string?>)[b.Naam, ScenarioFormat.Value(b.BijLaag, s.Gevoeligheid.Eenheid),
                ScenarioFormat.Value(b.BijHoog, s.Gevoeligheid.Eenheid), ScenarioFormat.Value(b.Uitslag, s.Gevoeligheid.Eenheid)]));
        pdf.Heading("Methode");
        pdf.Paragraph(s.Methode);
        pdf.Heading(ParametersCaption);
        pdf.Table(["Aanname", "Basis (laag–hoog)", "Bron"], [0.36, 0.2, 0.44],
            s.Parameters.Select(p => (IReadOnlyList<string?>)[p.Naam + (p.Aangepast ? " (aangepast)" : ""), $"{Plain(p.Basis)} ({Plain(p.Laag)}–{Plain(p.Hoog)}) {p.Eenheid}", p.Bron]));
        return pdf.Build();
    }
}
