using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Documents;

/// <summary>A document's content from the pages: the same handler and answer as the API (attachment, nosniff, audited).</summary>
public sealed class DownloadModel(DownloadDocumentHandler handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, documentId, ct);
        if (!result.IsOk) return result.Status == CommandStatus.Forbidden ? Forbid() : NotFound();
        DownloadDocumentHandler.Protect(Response);
        return File(result.Value!.Content, result.Value.ContentType, result.Value.FileName);
    }
}
