using Regie.Web.Infrastructure.Pdf;

namespace Regie.Web.Tests;

public sealed class PdfChartTests
{
    private static readonly DateTime Made = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static PdfDocumentBuilder Report() => new PdfDocumentBuilder("Grafieken", "Gemeente Voorbeeld", Made).Title("Rapport met grafieken");

    private static string[] Lines(string page) => page.Split('\n');

    [Fact]
    public void Policy_officer_prints_an_interval_chart_with_its_caption_labels_and_rounded_dutch_ticks()
    {
        var bytes = Report()
            .IntervalChart("Effect van de wijziging op de kosten per huishouden", [
                new("Kosten per huishouden", 1234.5, 800.25, 1650.75),
                new("Naar maatwerk", -250, -600, 120),
                new("Geen interval", 300, null, null),
            ], "euro")
            .Build();
        var page = PdfText.Pages(bytes)[0];
        var lines = Lines(page);
        Assert.Contains("Effect van de wijziging op de kosten per huishouden", lines);
        Assert.Contains("Kosten per huishouden", lines);
        Assert.Contains("Naar maatwerk", lines);
        Assert.Contains("Geen interval", lines);
        Assert.Contains("euro", lines);
        // The axis runs from a round number below -600 to one above 1.650,75, in Dutch notation, through zero.
        Assert.Contains("-1.000", lines);
        Assert.Contains("0", lines);
        Assert.Contains("2.000", lines);
        Assert.DoesNotContain(lines, l => l.Contains("1,000", StringComparison.Ordinal) || l.Contains("1650", StringComparison.Ordinal));
        Assert.DoesNotContain(PdfDocumentBuilder.ChartWithheld, page);
    }

    [Fact]
    public void A_withheld_row_is_a_dash_with_its_reason_and_its_numbers_do_not_reach_the_axis()
    {
        var bytes = Report()
            .IntervalChart("Herhaalde hulpvraag binnen 12 maanden", [
                new("Wijkteam Noord", 12, 8, 16),
                new("Wijkteam Zuid", null, 4000, 9000), // withheld: whatever came along must not show
                new("Wijkteam Oost", 20, 15, 25),
            ], "%")
            .Build();
        var lines = Lines(PdfText.Pages(bytes)[0]);
        var zuid = Array.IndexOf(lines, "Wijkteam Zuid");
        Assert.True(zuid >= 0);
        Assert.Contains("–", lines);
        Assert.Contains(PdfDocumentBuilder.ChartWithheld, lines);
        // The axis ends at 25: the withheld row's 9.000 stretched nothing.
        var ticks = lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^-?[\d.]+(,\d+)?$")).ToList();
        Assert.Equal(["0", "5", "10", "15", "20", "25"], ticks);
        Assert.DoesNotContain(lines, l => l.Contains("4000", StringComparison.Ordinal) || l.Contains("4.000", StringComparison.Ordinal) || l.Contains("9.000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_chart_shows_its_series_names_months_unit_and_the_marker_label_and_survives_gaps()
    {
        string[] months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
        var bytes = Report()
            .LineChart("Instroom en uitstroom per maand", months, [
                new("Instroom", [40, 42, null, 45, 50, 48]),
                new("Uitstroom", [30, null, null, 35, 41, 39]),
                new("Alleen één punt", [null, null, 12.5, null, null, null]),
            ], "huishoudens", markerAtIndex: 3)
            .Build();
        var lines = Lines(PdfText.Pages(bytes)[0]);
        Assert.Contains("Instroom en uitstroom per maand", lines);
        Assert.Contains("huishoudens", lines);
        Assert.Contains("Instroom", lines);
        Assert.Contains("Uitstroom", lines);
        Assert.Contains("Alleen één punt", lines);
        Assert.Contains("2026-01", lines);
        // The marker's label is its x label, once beside the dashed line and once on the axis.
        Assert.Equal(2, lines.Count(l => l == "2026-04"));
        // Counts start at zero; the top is a round number above 50.
        Assert.Contains("0", lines);
        Assert.Contains("50", lines);
    }

    [Fact]
    public void A_line_chart_with_many_months_labels_only_as_many_as_fit()
    {
        var months = Enumerable.Range(0, 60).Select(i => new DateOnly(2021, 1, 1).AddMonths(i).ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))).ToList();
        var bytes = Report()
            .LineChart("Vijf jaar", months, [new("Kosten", [.. Enumerable.Range(0, 60).Select(i => (double?)(1000 + 10 * i))])], "euro")
            .Build();
        var lines = Lines(PdfText.Pages(bytes)[0]);
        var shown = months.Count(lines.Contains);
        Assert.Contains(months[0], lines);
        Assert.InRange(shown, 4, 30);
    }

    [Fact]
    public void A_tornado_chart_draws_each_assumption_with_the_baseline_labelled()
    {
        var bytes = Report()
            .BarChart("Welke aanname het meest uitmaakt", [
                ("Kans op maatwerk", 1_800_000, 2_600_000),
                ("Tarief per uur", 2_000_000, 2_300_000),
                ("Instroom", 2_150_000, 2_250_000),
            ], "euro per jaar", baseline: 2_200_000.5)
            .Build();
        var lines = Lines(PdfText.Pages(bytes)[0]);
        Assert.Contains("Welke aanname het meest uitmaakt", lines);
        Assert.Contains("Kans op maatwerk", lines);
        Assert.Contains("Tarief per uur", lines);
        Assert.Contains("Instroom", lines);
        Assert.Contains("euro per jaar", lines);
        Assert.Contains("2.200.000,5", lines);
        Assert.Contains("1.800.000", lines);
        Assert.Contains("2.600.000", lines);
    }

    [Fact]
    public void A_chart_that_does_not_fit_under_the_text_starts_on_the_next_page()
    {
        var builder = new PdfDocumentBuilder("Grafieken", "Gemeente Voorbeeld", Made);
        // Fill the first page to just above its bottom.
        for (var i = 0; i < 36; i++) builder.Paragraph($"Regel {i}");
        var bytes = builder
            .LineChart("Grafiek onderaan", ["jan", "feb", "mrt"], [new("Reeks", [1, 2, 3])], "aantal")
            .IntervalChart("Intervallen onderaan", [new("Rij", 1, 0, 2)], "%")
            .Build();
        var pages = PdfText.Pages(bytes);
        Assert.Equal(2, pages.Count);
        Assert.Contains("Regel 35", pages[0]);
        Assert.DoesNotContain("Grafiek onderaan", pages[0]);
        Assert.Contains("Grafiek onderaan", pages[1]);
        Assert.Contains("Reeks", pages[1]);
        Assert.Contains("Intervallen onderaan", pages[1]);
    }

    [Fact]
    public void More_rows_than_a_page_holds_continue_on_the_next_page_with_the_axis_repeated()
    {
        var rows = Enumerable.Range(1, 60).Select(i => new ChartInterval($"Rij {i}", i, i - 1, i + 1)).ToList();
        var bytes = Report().IntervalChart("Zestig rijen", rows, "dagen").Build();
        var pages = PdfText.Pages(bytes);
        Assert.Equal(2, pages.Count);
        Assert.Contains("Zestig rijen (vervolg)", Lines(pages[1]));
        Assert.All(pages, p => Assert.Contains("dagen", Lines(p)));
        var all = string.Join("\n", pages);
        Assert.Equal(Enumerable.Range(1, 60), System.Text.RegularExpressions.Regex.Matches(all, @"^Rij (\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)));
    }

    [Fact]
    public void Empty_charts_say_there_is_nothing_to_show_instead_of_failing()
    {
        var bytes = Report()
            .IntervalChart("Geen intervallen", [], "%")
            .IntervalChart("Alles achtergehouden", [new("Team", null, null, null)], "%")
            .LineChart("Geen maanden", [], [], "aantal")
            .LineChart("Alleen gaten", ["jan", "feb"], [new("Reeks", [null, null])], "aantal")
            .LineChart("Geen reeksen", ["jan"], [], "aantal", markerAtIndex: 5)
            .BarChart("Geen aannames", [], "euro", 0)
            .BarChart("Onbruikbaar", [("Kapot", double.NaN, 3)], "euro", 1)
            .Build();
        var lines = Lines(PdfText.Pages(bytes)[0]);
        foreach (var caption in new[] { "Geen intervallen", "Alles achtergehouden", "Geen maanden", "Alleen gaten", "Geen reeksen", "Geen aannames", "Onbruikbaar" })
            Assert.Contains(caption, lines);
        Assert.Equal(5, lines.Count(l => l == PdfDocumentBuilder.ChartEmpty));
        Assert.Contains(PdfDocumentBuilder.ChartWithheld, lines);
        Assert.Contains("geen gegevens", lines);
    }

    [Fact]
    public void The_same_charts_made_twice_are_the_same_file()
    {
        static byte[] Make() => Report().LineChart("Lijn", ["a", "b"], [new("x", [1, 2])], "aantal", 1).BarChart("Staaf", [("a", 1, 3)], "euro", 2).Build();
        Assert.Equal(Make(), Make());
    }
}
