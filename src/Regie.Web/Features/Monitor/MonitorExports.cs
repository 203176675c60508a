using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Pdf;
using System.Globalization;

namespace Regie.Web.Features.Monitor;

/// <summary>The monitor for the council: a workbook and a printable report with the same figures, definitions and withheld cells as the page.</summary>
public static class MonitorExports
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private const string Withheld = "niet getoond: minder dan 10 huishoudens";
    public const string SignalsCaption = "Vroegsignalen per signaalpartner en maand";
    public const string OutcomesCaption = "Vroegsignaalzaken afgesloten per uitkomst";
    public const string WaitPerProviderCaption = "Van beschikking tot start van de zorg per aanbieder";
    public const string WaitPerCategoryCaption = "Van beschikking tot start van de zorg per productcategorie";
    public const string NotStartedCaption = "Toewijzingen zonder start na 4 weken per aanbieder";
    public const string StopsCaption = "Gestopte leveringen per reden";

    private static string Shown(int? n) => n?.ToString(Dutch) ?? "–";

    public static byte[] Xlsx(MonitorView v)
    {
        var rows = new List<SpreadsheetRow>
        {
            new([$"Monitor {v.Bereik}", $"{v.Van:dd-MM-yyyy} t/m {v.Tot:dd-MM-yyyy}", $"stand van {Shared.Format.DateTime(v.StandVan)}"], Bold: true),
            new([Domain.Monitor.MonitorPeriod.Rule]),
            new(["Doel", "Indicator", "Waarde", "Eenheid", "Huishoudens", "Toelichting", "Definitie"], Bold: true),
        };
        foreach (var i in v.Indicatoren)
            rows.Add(new([i.Goal, i.Label, i.Suppressed || i.Value is null ? "" : i.Unit == "euro" ? i.Value.Value : (object)i.Value.Value.ToString("0.##", Dutch),
                i.Unit, i.Suppressed ? "<10" : i.Households, i.Suppressed ? Withheld : "", i.Definition]));
        if (v.Vroegsignalering is { } vs)
        {
            rows.Add(new([$"{SignalsCaption} (afgerond op vijftallen; leeg: minder dan 10 huishoudens)"], Bold: true));
            rows.Add(new(["Signaalpartner", .. vs.Months, "Hele periode"], Bold: true));
            foreach (var row in vs.PerPartner) rows.Add(new([row.Partner, .. row.PerMonth.Select(Cell), Cell(row.Total)]));
            rows.Add(new([$"{OutcomesCaption} (afgerond op vijftallen; leeg: minder dan 10 huishoudens)"], Bold: true));
            rows.Add(new(["Uitkomst", "Zaken"], Bold: true));
            foreach (var row in vs.Outcomes) rows.Add(new([row.Outcome, Cell(row.Cases)]));
        }
        if (v.Toewijzingen is { } tw)
        {
            foreach (var (caption, waits) in new[] { (WaitPerProviderCaption, tw.PerAanbieder), (WaitPerCategoryCaption, tw.PerCategorie) })
            {
                rows.Add(new([$"{caption} (aantal afgerond op vijftallen; leeg: minder dan 10 huishoudens)"], Bold: true));
                rows.Add(new(["Naam", "Toewijzingen", "Mediaan dagen", "80e percentiel dagen"], Bold: true));
                foreach (var row in waits) rows.Add(new([row.Naam, Cell(row.Toewijzingen), row.MediaanDagen is { } m ? m : "", Cell(row.P80Dagen)]));
            }
            rows.Add(new([$"{NotStartedCaption} (afgerond op vijftallen; leeg: minder dan 10 huishoudens)"], Bold: true));
            rows.Add(new(["Aanbieder", "Toewijzingen"], Bold: true));
            foreach (var row in tw.NietGestartPerAanbieder) rows.Add(new([row.Aanbieder, Cell(row.Toewijzingen)]));
            rows.Add(new(["Totaal", Cell(tw.NietGestart)]));
            rows.Add(new([$"{StopsCaption} (afgerond op vijftallen; leeg: minder dan 10 huishoudens)"], Bold: true));
            rows.Add(new(["Reden", "Stops"], Bold: true));
            foreach (var row in tw.Stops) rows.Add(new([row.Reden, Cell(row.Stops)]));
        }
        return Spreadsheet.Write("Monitor", rows);

        static object Cell(int? n) => n is { } count ? count : "";
    }

    public static byte[] Pdf(MonitorView v, string municipality)
    {
        var pdf = new PdfDocumentBuilder($"Monitor {v.Bereik}", $"{municipality} · Monitor sociaal domein · {v.Bereik}", v.StandVan)
            .Title("Worden de doelen gehaald, en wat kost het?", $"{v.Bereik}, {v.Van.ToString("d MMMM yyyy", Dutch)} tot en met {v.Tot.ToString("d MMMM yyyy", Dutch)}; stand van {Shared.Format.DateTime(v.StandVan)}")
            .Paragraph(Domain.Monitor.MonitorPeriod.Rule)
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
        if (v.Vroegsignalering is { } vs)
        {
            pdf.Heading(SignalsCaption);
            pdf.Paragraph("Per maand, afgerond op vijftallen; – is minder dan 10 huishoudens.");
            var widths = Enumerable.Repeat(0.7 / (vs.Months.Count + 1), vs.Months.Count + 1).Prepend(0.3).ToList();
            pdf.Table(["Signaalpartner", .. vs.Months.Select(m => m[2..]), "Periode"], widths,
                vs.PerPartner.Select(r => (IReadOnlyList<string?>)[r.Partner, .. r.PerMonth.Select(Shown), Shown(r.Total)]));
            pdf.Heading(OutcomesCaption);
            pdf.Table(["Uitkomst (DDAS)", "Zaken"], [0.8, 0.2], vs.Outcomes.Select(r => (IReadOnlyList<string?>)[r.Outcome, Shown(r.Cases)]));
        }
        if (v.Toewijzingen is { } tw)
        {
            foreach (var (caption, waits) in new[] { (WaitPerProviderCaption, tw.PerAanbieder), (WaitPerCategoryCaption, tw.PerCategorie) })
            {
                pdf.Heading(caption);
                pdf.Table(["Naam", "Toewijzingen", "Mediaan (dagen)", "80e percentiel (dagen)"], [0.46, 0.18, 0.18, 0.18],
                    waits.Select(r => (IReadOnlyList<string?>)[r.Naam, Shown(r.Toewijzingen), r.MediaanDagen?.ToString("0.#", Dutch) ?? "–", Shown(r.P80Dagen)]));
            }
            pdf.Heading(NotStartedCaption);
            pdf.Table(["Aanbieder", "Toewijzingen"], [0.8, 0.2],
                [.. tw.NietGestartPerAanbieder.Select(r => (IReadOnlyList<string?>)[r.Aanbieder, Shown(r.Toewijzingen)]), ["Totaal", Shown(tw.NietGestart)]]);
            pdf.Heading(StopsCaption);
            pdf.Table(["Reden (WMO588/JZ588)", "Stops"], [0.8, 0.2], tw.Stops.Select(r => (IReadOnlyList<string?>)[r.Reden, Shown(r.Stops)]));
        }
        return pdf.Build();
    }
}
