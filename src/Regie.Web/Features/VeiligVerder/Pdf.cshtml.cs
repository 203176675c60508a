using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>The Veilig Verder plan alone, to print and hand over without the rest of the plan.</summary>
public sealed class PdfModel(VeiligVerderPdf pdf, RegieDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var municipality = await db.Municipalities.Where(m => m.Code == db.Gemeentecode).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "Gemeente";
        return await pdf.CreateAsync(id, municipality, ct) is { } result ? File(result.Content, "application/pdf", result.FileName) : NotFound();
    }
}
