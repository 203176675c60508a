namespace Regie.Web.Features.Api;

/// <summary>The answer to a write that created something: the new thing's id (JSON <c>{"id": "…"}</c>).</summary>
public sealed record CreatedAnswer(Guid Id);

/// <summary>The answer to a write on something with a version: the version the caller sends with its next change (JSON <c>{"versie": 3}</c>).</summary>
public sealed record VersionAnswer(int Versie);

/// <summary>The answer to a write that created something with a version: its id and first version.</summary>
public sealed record CreatedVersionAnswer(Guid Id, int Versie);
