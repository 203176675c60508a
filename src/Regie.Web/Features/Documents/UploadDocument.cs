using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Documents;

/// <summary>
/// Stores a document in a household's file. The type is told from the bytes (<see cref="DocumentRules.Check"/>): HTML, SVG,
/// scripts, executables, zips that are no Office file, an empty file or one over the limit are refused with their code and
/// nothing is saved. A person, goal or conference it is linked to must be this household's.
/// </summary>
public sealed class UploadDocumentHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<DocumentUploadedAnswer>> HandleAsync(Guid householdId, UploadInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<DocumentUploadedAnswer>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var errors = new ErrorList();
        if (input.FileName is null && input.Content is null && input.Length == 0)
            return CommandResult<DocumentUploadedAnswer>.Invalid(new DomainError(DocumentRules.FileRequiredCode, DocumentRules.FileField, "Kies een bestand."));
        var type = DocumentRules.Check(input.FileName, input.Content ?? [], input.Length, errors);
        var description = errors.Take(TextRules.Optional(input.Omschrijving, "Omschrijving", "de omschrijving", DocumentRules.DescriptionMaxLength));
        if (input.PersoonId is { } person && !await db.HouseholdMembers.AnyAsync(m => m.HouseholdId == householdId && m.PersonId == person, ct))
            errors.Add(Unknown("PersoonId", "Deze persoon hoort niet bij dit huishouden."));
        if (input.DoelId is { } goal && !await db.PlanGoals.AnyAsync(g => g.HouseholdId == householdId && g.Id == goal, ct))
            errors.Add(Unknown("DoelId", "Dit doel hoort niet bij het plan van dit huishouden."));
        if (input.OverlegId is { } conference && !await db.Conferences.AnyAsync(c => c.HouseholdId == householdId && c.Id == conference, ct))
            errors.Add(Unknown("OverlegId", "Dit overleg hoort niet bij dit huishouden."));
        if (errors.HasErrors || type is null) return CommandResult<DocumentUploadedAnswer>.Invalid(errors.Errors);

        var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.Gemeentecode).FirstAsync(ct);
        var (document, content) = Document.Upload(household, householdId, input.PersoonId, input.DoelId, input.OverlegId,
            DocumentRules.SafeFileName(input.FileName, type.Value), type.Value, input.Content!, description, user.ActorId, user.ActorName, clock.GetUtcNow().UtcDateTime);
        db.Documents.Add(document);
        db.DocumentContents.Add(content);
        var result = await db.SaveOrConflictAsync(new DocumentUploadedAnswer(document.Id, document.FileName, document.Type, document.ContentType, document.Size), ct);
        return await audit.AfterAsync(result, AuditResources.Document, householdId, input.PersoonId,
            $"document {document.Id} opgeslagen ({document.Type}, {document.Size} bytes, sha256 {document.Sha256})", ct, AuditActions.Create);
    }

    private static DomainError Unknown(string field, string message) => new(DocumentRules.LinkUnknownCode, field, message);
}
