using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Decisions;

public sealed class LetterModel(DecisionLetter letter) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await letter.CreateAsync(id, ct) is { } pdf ? File(pdf.Content, "application/pdf", pdf.FileName) : NotFound();
}
