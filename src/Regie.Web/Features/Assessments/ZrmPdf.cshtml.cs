using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Assessments;

/// <summary>"ZRM-overzicht (PDF)": who may open the ZRM page may download it.</summary>
[Authorize(Policy = Policies.Care)]
public sealed class ZrmPdfModel(ZrmPdf pdf, RegieDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var municipality = await db.Municipalities.Where(m => m.Code == db.Gemeentecode).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "Gemeente";
        return await pdf.CreateAsync(id, municipality, ct) is { } result ? File(result.Content, "application/pdf", result.FileName) : NotFound();
    }
}
