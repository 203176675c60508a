using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Web.Data;

/// <summary>
/// A document in a household's file, linked to the household, one of its members, a goal of its plan or one of its conferences.
/// The content lives in <see cref="DocumentContent"/>, its own table, so lists never load it. A document is never deleted by a
/// user: it is withdrawn (ingetrokken) with a reason, its content removed and this record kept for the audit trail; retention
/// removes it with the household's file.
/// </summary>
public sealed class Document : IMunicipalityOwned
{
    private Document() { }

    public Guid Id { get; private init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; private init; }
    public Guid? PersonId { get; private init; }
    public Guid? GoalId { get; private init; }
    public Guid? ConferenceId { get; private init; }
    /// <summary>The safe name (<see cref="DocumentRules.SafeFileName"/>), ending in the type's extension.</summary>
    public string FileName { get; private init; } = "";
    /// <summary>The type found in the content, never the one the upload declared.</summary>
    public DocumentType Type { get; private init; }
    public string ContentType { get; private init; } = "";
    public long Size { get; private init; }
    /// <summary>SHA-256 of the content, hex: what was stored, for the audit trail after withdrawal.</summary>
    public string Sha256 { get; private init; } = "";
    public string? Description { get; private init; }
    public string UploadedBy { get; private init; } = "";
    public string UploadedByName { get; private init; } = "";
    public DateTime UploadedAt { get; private init; }
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawReason { get; private set; }
    public int Version { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public static (Document Document, DocumentContent Content) Upload(string gemeentecode, Guid householdId, Guid? personId, Guid? goalId, Guid? conferenceId,
        string fileName, DocumentType type, byte[] content, string? description, string uploadedBy, string uploadedByName, DateTime now)
    {
        var d = new Document
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, PersonId = personId, GoalId = goalId, ConferenceId = conferenceId,
            FileName = fileName, Type = type, ContentType = DocumentRules.ContentType(type), Size = content.LongLength,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), Description = description,
            UploadedBy = uploadedBy, UploadedByName = Text.Truncate(uploadedByName, 200), UploadedAt = now, Version = 1,
        };
        return (d, new DocumentContent { DocumentId = d.Id, Gemeentecode = gemeentecode, HouseholdId = householdId, Content = content });
    }

    /// <summary>Withdraws the document: the caller removes its content; the record stays with who, when and why.</summary>
    public DomainError? Withdraw(string reason, string by, DateTime now)
    {
        if (IsWithdrawn) return new DomainError(DocumentRules.WithdrawnCode, "", "Dit document is al ingetrokken.");
        WithdrawnAt = now;
        WithdrawnBy = by;
        WithdrawReason = reason;
        return null;
    }
}

/// <summary>The bytes of a <see cref="Document"/>, in a table of their own.</summary>
public sealed class DocumentContent : IMunicipalityOwned
{
    public Guid DocumentId { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; init; }
    public byte[] Content { get; init; } = [];
}
