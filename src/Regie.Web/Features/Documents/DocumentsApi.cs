using Microsoft.AspNetCore.Http.Features;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Documents;

/// <summary>Documents of a household's file for other systems: the same handlers, type checks, access and audit as the pages.</summary>
public static class DocumentsApi
{
    /// <summary>What a download is served as: the types found in uploaded content.</summary>
    private static readonly string[] ServedTypes = Enum.GetValues<DocumentType>().Select(DocumentRules.ContentType).Distinct().ToArray();

    /// <summary>The largest request an upload may be: the file's limit plus room for the form around it.</summary>
    public const long MaxRequestBytes = DocumentRules.MaxBytes + 64 * 1024;

    private const string Access =
        " Alleen voor de zorgrollen die het dossier mogen openen; partners, afdelingen, beleid, privacy en beheer krijgen 403, een dossier dat u niet mag openen"
        + " of een document van een ander huishouden geeft 404. Met noodtoegang kunt u lezen en downloaden, niet wijzigen (403). Alles staat in de audittrail.";

    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households/{id:guid}/documents").WithTags("Documenten").RequireAuthorization(Infrastructure.Policies.Care);

        g.MapGet("", async (Guid id, DocumentQueries queries, CancellationToken ct) => ApiResults.From(await queries.ListAsync(id, ct), Results.Ok))
            .Produces<IReadOnlyList<DocumentView>>(StatusCodes.Status200OK)
            .WithName("GetDocuments").WithSummary("De documenten van het huishouden (zonder inhoud), de nieuwste eerst; ingetrokken documenten met wie, wanneer en waarom.")
            .WithDescription("mediatype is het type dat Regie in de inhoud vond, niet wat bij het uploaden werd opgegeven." + Access);

        g.MapPost("", async (Guid id, HttpContext ctx, FileAccessService access, UploadDocumentHandler handler, CancellationToken ct) =>
            {
                // Access first: nothing of a body is read for a file the caller may not change.
                if (await access.RefuseAsync<DocumentUploadedAnswer>(id, FileWork.Change, ct) is { } refused) return ApiResults.From(refused, _ => Results.Ok());
                if (!ctx.Request.HasFormContentType || !ctx.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                    return ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Stuur het bestand als multipart/form-data.",
                        [new DomainError(ErrorCodes.UnsupportedMediaType, "", "Stuur het bestand als multipart/form-data met het veld 'bestand'.")]);
                var (input, problem) = await ReadAsync(ctx, ct);
                if (problem is not null) return problem;
                return ApiResults.From(await handler.HandleAsync(id, input!, ct), added => Results.Created($"/api/v1/households/{id}/documents/{added.Id}/content", added));
            })
            .WithMetadata(new MultipartBody("bestand", "Het bestand: PDF, PNG, JPEG, of Word, Excel of PowerPoint (docx, xlsx, pptx, doc, xls); hooguit 10 MB.",
                "persoonId", "doelId", "overlegId", "omschrijving"))
            .Produces<DocumentUploadedAnswer>(StatusCodes.Status201Created)
            .WithName("UploadDocument").WithSummary("Sla een document op in het dossier, eventueel gekoppeld aan een persoon, een doel of een overleg van dit huishouden.")
            .WithDescription("multipart/form-data met 'bestand' (verplicht) en optioneel persoonId, doelId, overlegId en omschrijving. Het type wordt bepaald uit de inhoud:"
                + " PDF, PNG, JPEG en Word, Excel of PowerPoint (docx, xlsx, pptx, doc, xls). Geweigerd met 400: leeg ('document-empty'), groter dan 10 MB ('document-too-large'),"
                + " HTML, SVG, XML of een script ('document-active-content'), een programma ('document-executable'), een zip die geen Office-bestand is ('document-not-office'),"
                + " een ander type ('document-type-not-allowed'), een naam die niet past bij de inhoud ('document-extension-mismatch'), of een persoon, doel of overleg"
                + " van een ander huishouden ('document-link-unknown'). Een verzoek groter dan de limiet krijgt 413. Er wordt dan niets opgeslagen." + Access);

        g.MapGet("/{documentId:guid}/content", async (Guid id, Guid documentId, HttpContext ctx, DownloadDocumentHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, documentId, ct), file => DownloadDocumentHandler.Result(ctx, file)))
            .Produces(StatusCodes.Status200OK, null, ServedTypes[0], ServedTypes[1..])
            .WithName("DownloadDocument").WithSummary("De inhoud van een document, altijd als bijlage (Content-Disposition: attachment) met een veilige bestandsnaam.")
            .WithDescription("Content-Type is het type dat bij het uploaden in de inhoud werd gevonden (het `mediatype` van het document, een van de genoemde); X-Content-Type-Options: nosniff. Elke download staat in de audittrail."
                + " Een ingetrokken document heeft geen inhoud meer: 404." + Access);

        g.MapPost("/{documentId:guid}/withdraw", async (Guid id, Guid documentId, WithdrawInput input, WithdrawDocumentHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, documentId, input, ct), v => Results.Ok(new VersionAnswer(v))))
            .Produces<VersionAnswer>(StatusCodes.Status200OK)
            .WithName("WithdrawDocument").WithSummary("Trek een document in met een reden: de inhoud wordt verwijderd, de gegevens blijven voor de audittrail.")
            .WithDescription("reden is verplicht (400 'text-required'). Een al ingetrokken document geeft 400 'document-withdrawn'." + Access);
    }

    /// <summary>
    /// Reads the upload form within <see cref="MaxRequestBytes"/>: a larger body is answered 413 before it is read whole. The
    /// file's bytes are kept only when within <see cref="DocumentRules.MaxBytes"/>; the rules refuse a larger one by its length.
    /// </summary>
    public static async Task<(UploadInput? Input, IResult? Problem)> ReadAsync(HttpContext ctx, CancellationToken ct)
    {
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxRequestBytes;
        if (ctx.Request.ContentLength > MaxRequestBytes) return (null, Infrastructure.ErrorHandling.StatusProblem(StatusCodes.Status413PayloadTooLarge));
        IFormCollection form;
        try
        {
            form = await ctx.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes, ValueCountLimit = 20 }, ct);
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Infrastructure.ErrorHandling.StatusProblem(StatusCodes.Status413PayloadTooLarge));
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            return (null, ApiResults.Problem(StatusCodes.Status400BadRequest, "Het verzoek is onleesbaar.",
                [new DomainError(ErrorCodes.RequestInvalid, "", "Het verzoek is geen leesbaar multipart/form-data-formulier.")]));
        }
        var errors = new List<DomainError>();
        Guid? Id(string name)
        {
            var text = form[name].ToString();
            if (text.Length == 0) return null;
            if (Guid.TryParse(text, out var g)) return g;
            errors.Add(new DomainError(ErrorCodes.RequestInvalid, name, $"Het veld '{name}' is geen geldige id."));
            return null;
        }
        var (person, goal, conference) = (Id("persoonId"), Id("doelId"), Id("overlegId"));
        if (errors.Count > 0) return (null, ApiResults.Problem(StatusCodes.Status400BadRequest, "Het verzoek is onleesbaar.", errors));
        var file = form.Files.GetFile("bestand");
        return (await InputAsync(file, person, goal, conference, form["omschrijving"].ToString(), ct), null);
    }

    /// <summary>The upload as the handler takes it, from a form file (the page binds one too).</summary>
    public static async Task<UploadInput> InputAsync(IFormFile? file, Guid? person, Guid? goal, Guid? conference, string? description, CancellationToken ct)
    {
        if (file is null) return new UploadInput(null, 0, null, person, goal, conference, description);
        byte[]? content = null;
        if (file.Length > 0 && file.Length <= DocumentRules.MaxBytes)
        {
            content = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(content, ct);
        }
        return new UploadInput(file.FileName, file.Length, content, person, goal, conference, description);
    }
}
