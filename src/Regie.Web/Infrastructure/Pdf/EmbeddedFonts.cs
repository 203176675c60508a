using PdfSharp.Fonts;

namespace Regie.Web.Infrastructure.Pdf;

/// <summary>
/// Serves DejaVu Sans (Bitstream Vera licence, see Fonts/LICENSE-DejaVu.txt) from the executable's
/// resources, so PDFs look the same on every server and carry €, ë and é whatever fonts the machine has.
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "Regie Sans";
    private static readonly object Gate = new();
    private static bool _installed;

    /// <summary>PDFsharp reads its licence and font resolver from process-wide settings that may be set only once.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            // PDFsharp 6.5 refuses to work until a licence is chosen; Regie (EUPL-1.2) uses it under the AGPL, see ADR 0004.
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver = new EmbeddedFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Italic is simulated from the regular face; Regie's documents hardly use it.
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Regie.Fonts.{faceName}.ttf");
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
