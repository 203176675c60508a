using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Pdf;
using System.Globalization;

namespace Regie.Web.Features.Monitor;

/// <summary>The monitor for the council: a workbook and a printable report with the same figures, definitions and withheld cells as the page.</summary>
public static class MonitorExports
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private const string Withheld = "niet getoond: minder dan 10 huishoudens";

    public static byte[] Xlsx(MonitorView v)
    {
        var rows = new List<SpreadsheetRow>
        {
            new([$"Monitor {v.Bereik}", $"{v.Van:dd-MM-yyyy} t/m {v.Tot:dd-MM-yyyy}", $"stand van {Shared.Format.DateTime(v.StandVan)}"], Bold: true),
            new(["Doel", "Indicator", "Waarde", "Eenheid", "Huishoudens", "Toelichting", "Definitie"], Bold: true),
        };
        foreach (var i in v.Indicatoren)
            rows.Add(new([i.Goal, i.Label, i.Suppressed || i.Value is null ? "" : i.Unit == "euro" ? i.Value.Value : (object)i.Value.Value.ToString("0.##", Dutch),
                i.Unit, i.Suppressed ? "<10" : i.Households, i.Suppressed ? Withheld : "", i.Definition]));
        return Spreadsheet.Write("Monitor", rows);
    }

    public static byte[] Pdf(MonitorView v, string municipality)
    {
        var pdf = new PdfDocumentBuilder($"Monitor {v.Bereik}", $"{municipality} · Monitor sociaal domein · {v.Bereik}", v.StandVan)
            .Title("Worden de doelen gehaald, en wat kost het?", $"{v.Bereik}, {v.Van.ToString("d MMMM yyyy", Dutch)} tot en met {v.Tot.ToString("d MMMM yyyy", Dutch)}; stand van {Shared.Format.DateTime(v.StandVan)}")
            .Paragraph("Alleen aantallen uit de eigen registratie van de gemeente. Een cijfer dat op minder dan 10 huishoudens rust, staat er niet in (–). Bij elk cijfer staat hoe het gemeten is.");
        foreach (var group in v.Indicatoren.GroupBy(i => i.Goal))
        {
            pdf.Heading(group.Key);
            pdf.Table(["Indicator", "Waarde", "Huishoudens", "Zo is het gemeten"], [0.27, 0.15, 0.12, 0.46],
                group.Select(i => (IReadOnlyList<string?>)[i.Label, i.Suppressed ? "–" : i.Value is null ? "geen gegevens" : MonitorQuery.Value(i) + (i.Unit is "%" or "euro" ? "" : " " + i.Unit),
                    i.Suppressed ? "minder dan 10" : i.Households.ToString(Dutch), i.Definition]));
        }
        pdf.Heading("Van hulpvraag tot beschikking");
        pdf.Table(["Stap", "Hulpvragen die de stap bereikten"], [0.5, 0.5], v.Trechter.Select(f => (IReadOnlyList<string?>)[f.Stap, f.Aantal?.ToString(Dutch) ?? "–"]));
        return pdf.Build();
    }
}
