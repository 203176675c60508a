using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Regie.Web.Tests;

/// <summary>
/// Reads back the text a PDF shows, page by page, so tests can check what a reader sees. Our
/// PDFs draw text with embedded fonts by glyph number; each font's ToUnicode map turns those
/// numbers back into characters. One line per text-drawing operator; enough for Regie's own PDFs.
/// </summary>
public static partial class PdfText
{
    // Text that fits Windows-1252 is drawn with a simple font in that encoding.
    private static readonly Encoding WinAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static PdfDocument Open(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var doc = Open(pdf);
        var pages = new List<string>();
        foreach (var page in doc.Pages)
        {
            var fonts = new Dictionary<string, (bool TwoByte, Dictionary<int, string> Map)>();
            if (page.Resources.Elements.GetDictionary("/Font") is { } fontDict)
                foreach (var key in fontDict.Elements.Keys)
                {
                    var font = fontDict.Elements.GetDictionary(key)!;
                    var twoByte = font.Elements.GetName("/Subtype") == "/Type0";
                    var map = font.Elements.GetDictionary("/ToUnicode") is { Stream: { } s } ? ParseCMap(s) : [];
                    fonts[key] = (twoByte, map);
                }
            var text = new StringBuilder();
            var current = (TwoByte: false, Map: new Dictionary<int, string>());
            void Show(CString s)
            {
                var bytes = s.Value.Select(c => (byte)c).ToArray();
                var step = current.TwoByte ? 2 : 1;
                for (var i = 0; i + step <= bytes.Length; i += step)
                {
                    var code = step == 2 ? bytes[i] << 8 | bytes[i + 1] : bytes[i];
                    text.Append(current.Map.TryGetValue(code, out var u) ? u : WinAnsi.GetString([(byte)code]));
                }
            }
            void Walk(CSequence sequence)
            {
                foreach (var item in sequence)
                {
                    if (item is CSequence nested) { Walk(nested); continue; }
                    if (item is not COperator op) continue;
                    switch (op.OpCode.Name)
                    {
                        case "Tf" when op.Operands[0] is CName name && fonts.TryGetValue(name.Name, out var f): current = f; break;
                        case "Tj" or "'" or "\"" when op.Operands[^1] is CString s: Show(s); text.Append('\n'); break;
                        case "TJ" when op.Operands[0] is CArray array:
                            foreach (var part in array.OfType<CString>()) Show(part);
                            text.Append('\n');
                            break;
                    }
                }
            }
            Walk(ContentReader.ReadContent(page));
            pages.Add(text.ToString());
        }
        return pages;
    }

    private static Dictionary<int, string> ParseCMap(PdfDictionary.PdfStream stream)
    {
        var cmap = Encoding.Latin1.GetString(stream.UnfilteredValue);
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(cmap))
            foreach (Match m in Pair().Matches(block.Groups[1].Value))
                map[Hex(m.Groups[1].Value)] = Utf16(m.Groups[2].Value);
        foreach (Match block in BfRange().Matches(cmap))
            foreach (Match m in Range().Matches(block.Groups[1].Value))
            {
                var (from, to, start) = (Hex(m.Groups[1].Value), Hex(m.Groups[2].Value), Hex(m.Groups[3].Value));
                for (var code = from; code <= to; code++) map[code] = char.ConvertFromUtf32(start + code - from);
            }
        return map;
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    private static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)] private static partial Regex BfChar();
    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)] private static partial Regex BfRange();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")] private static partial Regex Pair();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")] private static partial Regex Range();
}
