namespace Regie.Web.Infrastructure.Pdf;

public sealed partial class PdfDocumentBuilder
{
    /// <summary>Starts a new page: a section that must be printable on its own starts at the top of one.</summary>
    public PdfDocumentBuilder PageBreak()
    {
        NewPage();
        return this;
    }
}
