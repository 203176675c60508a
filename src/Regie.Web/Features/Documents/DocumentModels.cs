using Regie.Domain.Care;

namespace Regie.Web.Features.Documents;

/// <summary>A file as received, from the form or the API: the name given, its length and (when not too large) its bytes, and what it belongs to.</summary>
public sealed record UploadInput(string? FileName, long Length, byte[]? Content, Guid? PersoonId, Guid? DoelId, Guid? OverlegId, string? Omschrijving);

public sealed class WithdrawInput
{
    [System.ComponentModel.DataAnnotations.Required] public string? Reden { get; set; }
    public int Versie { get; set; }
}

/// <summary>A document in a list: never its content. A withdrawn one keeps its record (who, when, why) and has no content any more.</summary>
public sealed record DocumentView(Guid Id, string Bestandsnaam, DocumentType Soort, string Mediatype, long Grootte, string? Omschrijving,
    Guid? PersoonId, Guid? DoelId, Guid? OverlegId, string GeuploadDoor, DateTime GeuploadOp, bool Ingetrokken, DateTime? IngetrokkenOp, string? Reden, int Versie);

/// <summary>The answer to an upload: the new document's id, its safe name and the type found in its content.</summary>
public sealed record DocumentUploadedAnswer(Guid Id, string Bestandsnaam, DocumentType Soort, string Mediatype, long Grootte);

/// <summary>What a document can be linked to in this household.</summary>
public sealed record DocumentLinkOption(DocumentLink Soort, Guid Id, string Naam);
