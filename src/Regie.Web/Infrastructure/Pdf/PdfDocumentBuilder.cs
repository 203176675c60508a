using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Regie.Web.Infrastructure.Pdf;

/// <summary>
/// A small flowing-text layout on top of PDFsharp, which only draws at coordinates: A4 pages with
/// a header line, headings, wrapped paragraphs, key-value blocks, bullet lists, tables whose rows
/// break across pages with the header repeated, signature lines, and "Pagina X van Y" footers.
/// Written here because no layout library is available to us; it does what Regie's letters and
/// plans need and nothing more.
/// </summary>
public sealed partial class PdfDocumentBuilder
{
    private const double Margin = 56;          // 2 cm
    private const double HeaderHeight = 28;
    private const double FooterHeight = 28;
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly XColor Accent = XColor.FromArgb(0x24, 0x57, 0x8f);

    private readonly PdfDocument _document = new();
    private readonly string _header;
    private readonly DateTime _generatedAt;
    private readonly XFont _body = Font(10);
    private readonly XFont _bold = Font(10, bold: true);
    private readonly XFont _small = Font(8);
    private PdfPage _page = default!;
    private XGraphics _gfx = default!;
    private double _y;

    // Before any field initialiser creates a document or a font.
    static PdfDocumentBuilder() => EmbeddedFonts.Install();

    public PdfDocumentBuilder(string title, string header, DateTime generatedAt)
    {
        _header = header;
        _generatedAt = generatedAt;
        _document.Info.Title = title;
        _document.Info.Author = "Regie";
        _document.Info.Creator = "Regie";
        _document.Info.CreationDate = generatedAt;
        NewPage();
    }

    private double Width => _page.Width.Point - 2 * Margin;
    private double Bottom => _page.Height.Point - Margin - FooterHeight;

    private static XFont Font(double size, bool bold = false) => new(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _gfx.DrawString(_header, _small, new XSolidBrush(Accent), new XRect(Margin, Margin - 24, Width, 12), XStringFormats.TopLeft);
        _gfx.DrawLine(new XPen(Accent, 0.75), Margin, Margin - 8, Margin + Width, Margin - 8);
        _y = Margin + HeaderHeight - 20;
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    public PdfDocumentBuilder Title(string text, string? subtitle = null)
    {
        var title = Font(18, bold: true);
        foreach (var line in Wrap(text, title, Width)) { Ensure(24); Draw(line, title, Margin, 24); }
        if (subtitle is not null) foreach (var line in Wrap(subtitle, _body, Width)) { Ensure(14); Draw(line, _body, Margin, 14, XBrushes.DimGray); }
        _y += 8;
        return this;
    }

    public PdfDocumentBuilder Heading(string text)
    {
        var font = Font(13, bold: true);
        Ensure(18 + 3 * 14); // a heading never ends a page alone
        _y += 6;
        foreach (var line in Wrap(text, font, Width)) Draw(line, font, Margin, 18, new XSolidBrush(Accent));
        _y += 2;
        return this;
    }

    public PdfDocumentBuilder Paragraph(string text, bool bold = false)
    {
        var font = bold ? _bold : _body;
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
            foreach (var line in Wrap(paragraph, font, Width)) { Ensure(14); Draw(line, font, Margin, 14); }
        _y += 4;
        return this;
    }

    /// <summary>Label–value pairs in two columns ("Naam: …").</summary>
    public PdfDocumentBuilder KeyValues(IEnumerable<(string Key, string? Value)> pairs)
    {
        const double keyWidth = 140;
        foreach (var (key, value) in pairs)
        {
            var lines = Wrap(value ?? "—", _body, Width - keyWidth);
            Ensure(14 * Math.Min(lines.Count, 3));
            _gfx.DrawString(key, _bold, XBrushes.Black, new XRect(Margin, _y, keyWidth, 14), XStringFormats.TopLeft);
            foreach (var line in lines) { Ensure(14); Draw(line, _body, Margin + keyWidth, 14); }
        }
        _y += 4;
        return this;
    }

    public PdfDocumentBuilder Bullets(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            var lines = Wrap(item, _body, Width - 14);
            Ensure(14);
            _gfx.DrawString("•", _body, XBrushes.Black, new XRect(Margin, _y, 10, 14), XStringFormats.TopLeft);
            foreach (var line in lines) { Ensure(14); Draw(line, _body, Margin + 14, 14); }
        }
        _y += 4;
        return this;
    }

    /// <param name="widths">Relative column widths.</param>
    public PdfDocumentBuilder Table(IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var total = widths.Sum();
        var columns = widths.Select(w => w / total * Width).ToArray();
        void HeaderRow()
        {
            var cells = headers.Select((h, i) => Wrap(h, _bold, columns[i] - 6)).ToList();
            var height = cells.Max(c => c.Count) * 12 + 6;
            _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xe6, 0xee, 0xf7)), Margin, _y, Width, height);
            DrawCells(cells, _bold, columns, height);
        }
        Ensure(40);
        HeaderRow();
        foreach (var row in rows)
        {
            var cells = row.Select((c, i) => Wrap(c ?? "", _body, columns[i] - 6)).ToList();
            var height = cells.Max(c => Math.Max(1, c.Count)) * 12 + 6;
            if (_y + height > Bottom)
            {
                NewPage();
                HeaderRow();
            }
            DrawCells(cells, _body, columns, height);
        }
        _y += 8;
        return this;
    }

    private void DrawCells(List<List<string>> cells, XFont font, double[] columns, double height)
    {
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var y = _y + 3;
            foreach (var line in cells[i])
            {
                _gfx.DrawString(line, font, XBrushes.Black, new XRect(x + 3, y, columns[i] - 6, 12), XStringFormats.TopLeft);
                y += 12;
            }
            x += columns[i];
        }
        _gfx.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, _y + height, Margin + Width, _y + height);
        _y += height;
    }

    /// <summary>A line per signer with the name under it, two to a row.</summary>
    public PdfDocumentBuilder SignatureLines(params string[] names)
    {
        var column = (Width - 24) / 2;
        for (var i = 0; i < names.Length; i += 2)
        {
            Ensure(60);
            _y += 34;
            for (var j = 0; j < 2 && i + j < names.Length; j++)
            {
                var x = Margin + j * (column + 24);
                _gfx.DrawLine(new XPen(XColors.Black, 0.5), x, _y, x + column, _y);
                _gfx.DrawString(names[i + j], _small, XBrushes.Black, new XRect(x, _y + 3, column, 12), XStringFormats.TopLeft);
            }
            _y += 20;
        }
        return this;
    }

    public byte[] Build()
    {
        _gfx.Dispose();
        var count = _document.PageCount;
        var footer = $"Gemaakt op {_generatedAt.ToString("d MMMM yyyy", Dutch)}";
        for (var i = 0; i < count; i++)
        {
            // Page numbers are known only now: each page is opened again to add its footer.
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = _document.Pages[i].Height.Point - Margin;
            gfx.DrawString(footer, _small, XBrushes.DimGray, new XRect(Margin, y, Width, 12), XStringFormats.TopLeft);
            gfx.DrawString($"Pagina {i + 1} van {count}", _small, XBrushes.DimGray, new XRect(Margin, y, Width, 12), XStringFormats.TopRight);
        }
        var id = MakeRepeatable();
        using var stream = new MemoryStream();
        _document.Save(stream);
        return WithRepeatableXmpIds(stream.ToArray(), id);
    }

    /// <summary>
    /// PDFsharp gives each document a random ID and each embedded font subset a random six-letter
    /// tag. Both are derived from the document here instead (and its XMP IDs, see below), so the same input made at the same
    /// time gives the same bytes: tests compare output, and a stored copy can be recognised.
    /// </summary>
    private Guid MakeRepeatable()
    {
        var seed = $"{_document.Info.Title}|{_header}|{_generatedAt:O}|{_document.PageCount}";
        var id = SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16);
        var idText = new string([.. id.ToArray().Select(b => (char)b)]);
        _document.Internals.FirstDocumentID = idText;
        _document.Internals.SecondDocumentID = idText;
        var done = new HashSet<PdfDictionary>();
        foreach (var page in _document.Pages)
        {
            if (page.Resources.Elements.GetDictionary("/Font") is not { } fonts) continue;
            foreach (var key in fonts.Elements.Keys)
                if (fonts.Elements.GetDictionary(key) is { } font && done.Add(font)) Retag(font, seed);
        }
        return new Guid(id);
    }

    /// <summary>
    /// PDFsharp 6.5 writes its XMP metadata at save time with new GUIDs and offers no way to pass
    /// them in; the metadata stream is not compressed, so they are replaced by ours, of the same
    /// length, which keeps every byte offset in the file valid.
    /// </summary>
    private static byte[] WithRepeatableXmpIds(byte[] pdf, Guid id)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var replaced = XmpUuid().Replace(text, m => m.Groups[1].Value + id.ToString("D"));
        return replaced.Length == text.Length ? Encoding.Latin1.GetBytes(replaced) : pdf;
    }

    [GeneratedRegex(@"(<xmpMM:(?:DocumentID|InstanceID)>uuid:)[0-9a-fA-F-]{36}")]
    private static partial Regex XmpUuid();

    private static void Retag(PdfDictionary font, string seed)
    {
        var name = font.Elements.GetName("/BaseFont");
        // "/ABCDEF+DejaVu#20Sans": a subset tag is six capitals and a plus sign. One tag per face:
        // PDFsharp may give a face's Windows-1252 and Unicode fonts one font descriptor.
        if (name.Length < 9 || name[7] != '+') return;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + name[8..]));
        var tagged = "/" + new string([.. hash.Take(6).Select(b => (char)('A' + b % 26))]) + name[7..];
        font.Elements.SetName("/BaseFont", tagged);
        font.Elements.GetDictionary("/FontDescriptor")?.Elements.SetName("/FontName", tagged);
        if (font.Elements.GetArray("/DescendantFonts") is { } descendants)
            foreach (var d in descendants.Elements.OfType<PdfReference>().Select(r => r.Value).OfType<PdfDictionary>())
            {
                d.Elements.SetName("/BaseFont", tagged);
                d.Elements.GetDictionary("/FontDescriptor")?.Elements.SetName("/FontName", tagged);
            }
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (_gfx.MeasureString(candidate, font).Width <= width) { current = candidate; continue; }
            if (current.Length > 0) lines.Add(current);
            current = word;
            // A single word wider than the column (an e-mail address, an IBAN) is cut where it must.
            while (_gfx.MeasureString(current, font).Width > width && current.Length > 1)
            {
                var cut = current.Length - 1;
                while (cut > 1 && _gfx.MeasureString(current[..cut], font).Width > width) cut--;
                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }

    private void Draw(string line, XFont font, double x, double height, XBrush? brush = null)
    {
        _gfx.DrawString(line, font, brush ?? XBrushes.Black, new XRect(x, _y, Width - (x - Margin), height), XStringFormats.TopLeft);
        _y += height;
    }
}
