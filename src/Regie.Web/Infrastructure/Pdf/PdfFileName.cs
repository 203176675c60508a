using System.Text;

namespace Regie.Web.Infrastructure.Pdf;

/// <summary>File names for downloaded PDFs: "plan-huishouden-celik-2026-11-22.pdf", plain ASCII so every mail client and file system keeps them.</summary>
public static class PdfFileName
{
    public static string For(string kind, string name, DateTime date) => $"{kind}-{Slug(name)}-{date:yyyy-MM-dd}.pdf";

    public static string Slug(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if ((c == ' ' || c == '-') && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
