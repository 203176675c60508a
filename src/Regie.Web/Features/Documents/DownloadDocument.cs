using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Documents;

/// <summary>A document's bytes as stored, with the safe name and the content type found at upload.</summary>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Hands out a document's content to someone who may read the household's file; every download is audited (who, which
/// document, which household). A withdrawn document has no content any more and reads as not found.
/// </summary>
public sealed class DownloadDocumentHandler(RegieDbContext db, FileAccessService access, AuditLog audit)
{
    public async Task<CommandResult<DocumentFile>> HandleAsync(Guid householdId, Guid documentId, CancellationToken ct)
    {
        if (await access.RefuseAsync<DocumentFile>(householdId, FileWork.Read, ct, "Het document") is { } refused) return refused;
        var d = await db.Documents.AsNoTracking().Where(x => x.Id == documentId && x.HouseholdId == householdId && x.WithdrawnAt == null)
            .Select(x => new { x.FileName, x.ContentType, x.PersonId, Content = db.DocumentContents.Where(c => c.DocumentId == x.Id).Select(c => c.Content).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (d?.Content is null) return CommandResult<DocumentFile>.NotFound("Het document");
        await audit.RecordAsync(AuditActions.Export, AuditResources.Document, householdId, d.PersonId, detail: $"document {documentId} gedownload", ct: ct);
        return CommandResult<DocumentFile>.Ok(new DocumentFile(d.FileName, d.ContentType, d.Content));
    }

    /// <summary>
    /// The one way a document leaves Regie over HTTP: always as an attachment with its safe name, never sniffed, never run.
    /// Used by the page and the API alike.
    /// </summary>
    public static IResult Result(HttpContext ctx, DocumentFile file)
    {
        Protect(ctx.Response);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The headers that keep a browser from sniffing, rendering or caching a document.</summary>
    public static void Protect(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "no-store";
    }
}
