using PdfSharp.Drawing;

namespace Regie.Web.Infrastructure.Pdf;

/// <summary>One row of an interval chart: an estimate with its interval. A null estimate is a withheld figure, drawn as "–".</summary>
public sealed record ChartInterval(string Label, double? Estimate, double? Low, double? High);

/// <summary>One line of a line chart, a value per x label; null leaves a gap.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// Charts for printed reports, drawn with the same fonts and page flow as the rest of the document:
/// a caption above, a few rounded tick labels in Dutch number format, the unit under the axis, grey and
/// dark blue with dashes and marker shapes so they stay readable printed in black and white. A chart
/// never draws its own numbers table: every caller puts a table with the same figures after it. A
/// withheld figure (fewer than ten households) is drawn as "–" and plays no part in the axis, so the
/// scale cannot give it away.
/// </summary>
public sealed partial class PdfDocumentBuilder
{
    public const string ChartWithheld = Domain.Monitor.MonitorIndicators.WithheldReason;
    public const string ChartEmpty = "Geen gegevens om te tonen.";
    private const double ChartRowHeight = 18;
    private const double ChartAxisHeight = 28;   // tick labels and the unit under the axis
    private const double ChartPlotHeight = 150;  // line charts
    private static readonly XColor ChartGrey = XColor.FromArgb(0x80, 0x80, 0x80);
    private static readonly XColor ChartLight = XColor.FromArgb(0xdd, 0xdd, 0xdd);
    private static readonly XColor ChartDark = XColor.FromArgb(0x26, 0x26, 0x26);
    private static readonly XColor ChartBarLow = XColor.FromArgb(0xbf, 0xbf, 0xbf);
    private static readonly XColor ChartBarHigh = XColor.FromArgb(0x6f, 0x93, 0xbd);

    /// <summary>Estimates with their intervals, one row each: the interval as a whisker, the estimate as a dot, and a line at zero.</summary>
    public PdfDocumentBuilder IntervalChart(string caption, IReadOnlyList<ChartInterval> rows, string unit, bool zeroLine = true)
    {
        var shown = rows.Where(r => r.Estimate is { } e && double.IsFinite(e)).ToList();
        if (shown.Count == 0 && rows.Count == 0) return EmptyChart(caption);
        var range = shown.SelectMany(r => new[] { r.Estimate, r.Low, r.High }).OfType<double>().ToList();
        if (zeroLine || range.Count == 0) range.Add(0);
        RowChart(caption, [.. rows.Select(r => r.Label)], unit, range, zeroLine ? 0 : null, null, (i, x, middle) =>
        {
            var row = rows[i];
            if (row.Estimate is not { } estimate || !double.IsFinite(estimate))
            {
                WithheldMark(x.Left, middle);
                return;
            }
            var pen = new XPen(ChartDark, 1.2);
            if (row.Low is { } low && row.High is { } high && double.IsFinite(low) && double.IsFinite(high))
            {
                _gfx.DrawLine(pen, x.At(low), middle, x.At(high), middle);
                _gfx.DrawLine(pen, x.At(low), middle - 4, x.At(low), middle + 4);
                _gfx.DrawLine(pen, x.At(high), middle - 4, x.At(high), middle + 4);
            }
            _gfx.DrawEllipse(new XSolidBrush(Accent), x.At(estimate) - 3.5, middle - 3.5, 7, 7);
        });
        return this;
    }

    /// <summary>
    /// Series over the same x labels (months, say), each with its own dash and marker shape, a legend
    /// under the chart, and optionally a dashed vertical line at one x label (a change of model).
    /// </summary>
    public PdfDocumentBuilder LineChart(string caption, IReadOnlyList<string> xLabels, IReadOnlyList<ChartSeries> series, string unit, int? markerAtIndex = null)
    {
        var count = xLabels.Count;
        var values = series.SelectMany(s => s.Values.Take(count)).OfType<double>().Where(double.IsFinite).ToList();
        if (count == 0 || values.Count == 0) return EmptyChart(caption);
        var scale = Scale(IncludeZeroWhenNear(values));

        var tickWidth = scale.Ticks.Max(t => _gfx.MeasureString(TickText(t, scale.Decimals), _small).Width);
        var left = Margin + tickWidth + 8;
        var right = Margin + Width - 4;
        var legend = LegendLayout(series, right - left);
        var captionLines = Wrap(caption, _bold, Width);
        Ensure(captionLines.Count * 14 + 12 + ChartPlotHeight + 16 + legend.Rows * 14 + 8);
        foreach (var line in captionLines) Draw(line, _bold, Margin, 14);
        _gfx.DrawString(unit, _small, new XSolidBrush(ChartGrey), new XRect(Margin, _y, Width, 10), XStringFormats.TopLeft);
        _y += 12;

        var top = _y;
        var bottom = top + ChartPlotHeight;
        double Y(double v) => bottom - (v - scale.Low) / (scale.High - scale.Low) * (bottom - top);
        var step = (right - left) / count;
        double X(int i) => left + (i + 0.5) * step;

        foreach (var t in scale.Ticks)
        {
            _gfx.DrawLine(new XPen(ChartLight, 0.5), left, Y(t), right, Y(t));
            _gfx.DrawString(TickText(t, scale.Decimals), _small, XBrushes.Black, new XRect(Margin, Y(t) - 5, tickWidth + 2, 10), XStringFormats.TopRight);
        }
        if (scale.Low < 0 && scale.High > 0) _gfx.DrawLine(new XPen(ChartDark, 0.75), left, Y(0), right, Y(0));
        _gfx.DrawLine(new XPen(ChartDark, 0.75), left, top, left, bottom);
        _gfx.DrawLine(new XPen(ChartDark, 0.75), left, bottom, right, bottom);

        // As many x labels as fit side by side; the first is always shown.
        var labelWidth = xLabels.Max(l => _gfx.MeasureString(l, _small).Width) + 6;
        var every = Math.Max(1, (int)Math.Ceiling(labelWidth / step));
        for (var i = 0; i < count; i += every)
        {
            _gfx.DrawLine(new XPen(ChartDark, 0.5), X(i), bottom, X(i), bottom + 3);
            _gfx.DrawString(xLabels[i], _small, XBrushes.Black, new XRect(X(i) - labelWidth / 2, bottom + 4, labelWidth, 10), XStringFormats.TopCenter);
        }

        if (markerAtIndex is { } marker && marker >= 0 && marker < count)
        {
            var pen = new XPen(ChartDark, 1) { DashStyle = XDashStyle.Dash };
            _gfx.DrawLine(pen, X(marker), top, X(marker), bottom);
            var text = xLabels[marker];
            var width = _gfx.MeasureString(text, _small).Width + 4;
            var x = X(marker) + width + 2 <= right ? X(marker) + 2 : X(marker) - width - 2;
            _gfx.DrawRectangle(XBrushes.White, x, top, width, 10);
            _gfx.DrawString(text, _small, XBrushes.Black, new XRect(x + 2, top, width, 10), XStringFormats.TopLeft);
        }

        for (var s = 0; s < series.Count; s++)
        {
            var pen = SeriesPen(s);
            var points = series[s].Values;
            for (var i = 0; i < Math.Min(count, points.Count); i++)
            {
                if (points[i] is not { } v || !double.IsFinite(v)) continue;
                if (i + 1 < Math.Min(count, points.Count) && points[i + 1] is { } next && double.IsFinite(next))
                    _gfx.DrawLine(pen, X(i), Y(v), X(i + 1), Y(next));
                SeriesMarker(s, X(i), Y(v));
            }
        }
        _y = bottom + 16;

        // The legend: a sample of each line with its name, wrapped over as many rows as needed.
        var lx = left;
        foreach (var (item, index) in legend.Items.Select((item, index) => (item, index)))
        {
            if (lx > left && lx + item > right) { lx = left; _y += 14; }
            var ly = _y + 5;
            _gfx.DrawLine(SeriesPen(index), lx, ly, lx + 18, ly);
            SeriesMarker(index, lx + 9, ly);
            _gfx.DrawString(series[index].Name, _small, XBrushes.Black, new XRect(lx + 22, _y, item, 10), XStringFormats.TopLeft);
            lx += item;
        }
        _y += 14 + 8;
        return this;
    }

    /// <summary>
    /// A tornado chart: per row a bar from low to high around a baseline (the answer with every
    /// assumption at its middle value), the part below the baseline light grey, above it blue.
    /// </summary>
    public PdfDocumentBuilder BarChart(string caption, IReadOnlyList<(string Label, double Low, double High)> bars, string unit, double baseline)
    {
        if (bars.Count == 0) return EmptyChart(caption);
        var range = bars.SelectMany(b => new[] { b.Low, b.High }).Append(baseline).ToList();
        RowChart(caption, [.. bars.Select(b => b.Label)], unit, range, baseline, baseline.ToString("#,##0.##", Dutch), (i, x, middle) =>
        {
            var (_, low, high) = bars[i];
            if (!double.IsFinite(low) || !double.IsFinite(high) || !double.IsFinite(baseline))
            {
                WithheldMark(x.Left, middle, "geen gegevens");
                return;
            }
            var (from, to) = (Math.Min(low, high), Math.Max(low, high));
            const double half = (ChartRowHeight - 6) / 2;
            if (from < baseline) _gfx.DrawRectangle(new XSolidBrush(ChartBarLow), x.At(from), middle - half, x.At(Math.Min(to, baseline)) - x.At(from), 2 * half);
            if (to > baseline) _gfx.DrawRectangle(new XSolidBrush(ChartBarHigh), x.At(Math.Max(from, baseline)), middle - half, x.At(to) - x.At(Math.Max(from, baseline)), 2 * half);
            _gfx.DrawRectangle(new XPen(ChartDark, 0.5), x.At(from), middle - half, Math.Max(0.5, x.At(to) - x.At(from)), 2 * half);
        });
        return this;
    }

    /// <summary>The x position of a value on a horizontal axis.</summary>
    private readonly record struct HorizontalAxis(double Left, double Right, double Low, double High)
    {
        public double At(double v) => Left + (v - Low) / (High - Low) * (Right - Left);
    }

    /// <summary>
    /// Rows with a label on the left and a shared horizontal axis under them; a reference line (zero
    /// or the baseline) through all rows. Rows that do not fit on a fresh page continue on the next
    /// one with the caption marked "(vervolg)" and the axis repeated.
    /// </summary>
    private void RowChart(string caption, IReadOnlyList<string> labels, string unit, IReadOnlyList<double> range, double? reference, string? referenceLabel, Action<int, HorizontalAxis, double> drawRow)
    {
        var scale = Scale(range);
        var labelWidth = Math.Min(Width * 0.35, labels.Select(l => _gfx.MeasureString(l, _small).Width).DefaultIfEmpty(0).Max() + 10);
        var axis = new HorizontalAxis(Margin + labelWidth, Margin + Width - 12, scale.Low, scale.High);
        var labelTop = referenceLabel is null ? 0 : 12;
        var start = 0;
        while (start < labels.Count)
        {
            var title = start == 0 ? caption : caption + " (vervolg)";
            var captionLines = Wrap(title, _bold, Width);
            var overhead = captionLines.Count * 14 + labelTop + ChartAxisHeight + 8;
            // A chart that fits on a page stays whole; a longer one fills this page first if a few rows fit.
            var remaining = labels.Count - start;
            var here = (int)((Bottom - _y - overhead) / ChartRowHeight);
            var onFresh = Math.Max(1, (int)((Bottom - (Margin + HeaderHeight - 20) - overhead) / ChartRowHeight));
            if (here < remaining && (remaining <= onFresh || here < 5))
            {
                NewPage();
                here = onFresh;
            }
            var count = Math.Min(remaining, here);
            foreach (var line in captionLines) Draw(line, _bold, Margin, 14);

            var top = _y + labelTop;
            var bottom = top + count * ChartRowHeight;
            foreach (var t in scale.Ticks)
            {
                _gfx.DrawLine(new XPen(ChartLight, 0.5), axis.At(t), top, axis.At(t), bottom);
                _gfx.DrawLine(new XPen(ChartDark, 0.5), axis.At(t), bottom, axis.At(t), bottom + 3);
                _gfx.DrawString(TickText(t, scale.Decimals), _small, XBrushes.Black, new XRect(axis.At(t) - 30, bottom + 4, 60, 10), XStringFormats.TopCenter);
            }
            _gfx.DrawLine(new XPen(ChartDark, 0.75), axis.Left, bottom, axis.Right, bottom);
            _gfx.DrawString(unit, _small, new XSolidBrush(ChartGrey), new XRect(axis.Left, bottom + 15, axis.Right - axis.Left, 10), XStringFormats.TopRight);

            for (var i = start; i < start + count; i++)
            {
                var rowTop = top + (i - start) * ChartRowHeight;
                var lines = Wrap(labels[i], _small, labelWidth - 8);
                if (lines.Count > 2) lines = [lines[0], lines[1] + "…"];
                var ly = rowTop + (ChartRowHeight - lines.Count * 9) / 2;
                foreach (var line in lines)
                {
                    _gfx.DrawString(line, _small, XBrushes.Black, new XRect(Margin, ly, labelWidth - 8, 9), XStringFormats.TopLeft);
                    ly += 9;
                }
                drawRow(i, axis, rowTop + ChartRowHeight / 2);
            }

            if (reference is { } r && r >= scale.Low && r <= scale.High)
            {
                _gfx.DrawLine(new XPen(ChartDark, 1), axis.At(r), top - 2, axis.At(r), bottom);
                if (referenceLabel is not null)
                    _gfx.DrawString(referenceLabel, _small, XBrushes.Black, new XRect(axis.At(r) - 40, _y, 80, 10), XStringFormats.TopCenter);
            }
            _y = bottom + ChartAxisHeight + 8;
            start += count;
        }
    }

    private void WithheldMark(double left, double middle, string reason = ChartWithheld)
    {
        _gfx.DrawString("–", _small, XBrushes.Black, new XRect(left + 4, middle - 5, 10, 10), XStringFormats.TopLeft);
        _gfx.DrawString(reason, _small, new XSolidBrush(ChartGrey), new XRect(left + 14, middle - 5, 200, 10), XStringFormats.TopLeft);
    }

    private PdfDocumentBuilder EmptyChart(string caption)
    {
        var lines = Wrap(caption, _bold, Width);
        Ensure(lines.Count * 14 + 14);
        foreach (var line in lines) Draw(line, _bold, Margin, 14);
        Draw(ChartEmpty, _small, Margin, 14, new XSolidBrush(ChartGrey));
        _y += 8;
        return this;
    }

    private static XPen SeriesPen(int index) => (index % 3) switch
    {
        0 => new XPen(Accent, 1.5),
        1 => new XPen(ChartDark, 1.2) { DashStyle = XDashStyle.Dash },
        _ => new XPen(ChartGrey, 1.2) { DashStyle = XDashStyle.Dot },
    };

    private void SeriesMarker(int index, double x, double y)
    {
        switch (index % 3)
        {
            case 0: _gfx.DrawEllipse(new XSolidBrush(Accent), x - 2.5, y - 2.5, 5, 5); break;
            case 1: _gfx.DrawRectangle(new XSolidBrush(ChartDark), x - 2.2, y - 2.2, 4.4, 4.4); break;
            default: _gfx.DrawPolygon(new XSolidBrush(ChartGrey), [new XPoint(x, y - 3), new XPoint(x + 3, y), new XPoint(x, y + 3), new XPoint(x - 3, y)], XFillMode.Winding); break;
        }
    }

    private (IReadOnlyList<double> Items, int Rows) LegendLayout(IReadOnlyList<ChartSeries> series, double width)
    {
        var items = series.Select(s => _gfx.MeasureString(s.Name, _small).Width + 22 + 14).ToList();
        var rows = 1;
        var x = 0.0;
        foreach (var item in items)
        {
            if (x > 0 && x + item > width) { rows++; x = 0; }
            x += item;
        }
        return (items, rows);
    }

    /// <summary>Counts and costs read best from zero; marks between 6 and 8 do not. Zero joins the axis when it is near the data.</summary>
    private static List<double> IncludeZeroWhenNear(List<double> values)
    {
        var (min, max) = (values.Min(), values.Max());
        if ((min > 0 && min <= max / 2) || (max < 0 && max >= min / 2)) return [.. values, 0];
        return values;
    }

    /// <summary>An axis from a round number to a round number in four to seven steps of 1, 2, 2.5 or 5 times a power of ten.</summary>
    internal static (double Low, double High, IReadOnlyList<double> Ticks, int Decimals) Scale(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) finite = [0, 1];
        var (low, high) = (finite.Min(), finite.Max());
        if (low == high)
        {
            var pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            (low, high) = (low - pad, high + pad);
            if (finite[0] >= 0 && low < 0) low = 0;
        }
        var raw = (high - low) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
        var decimals = 0;
        while (decimals < 8 && Math.Abs(step * Math.Pow(10, decimals) - Math.Round(step * Math.Pow(10, decimals))) > 1e-6) decimals++;
        var first = Math.Floor(low / step + 1e-9);
        var last = Math.Ceiling(high / step - 1e-9);
        var ticks = new List<double>();
        for (var i = first; i <= last; i++) ticks.Add(Math.Round(i * step, decimals) + 0.0); // + 0.0 turns -0 into 0
        return (ticks[0], ticks[^1], ticks, decimals);
    }

    private static string TickText(double value, int decimals) => (value == 0 ? 0 : value).ToString("N" + decimals, Dutch);
}
