using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Domain.Care;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Documents;

/// <summary>
/// The household's documents: the list, an upload form (multipart, no JavaScript needed) and a withdrawal form per document.
/// The request limit is the API's: a larger upload is refused before it is read.
/// </summary>
[RequestSizeLimit(DocumentsApi.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentsApi.MaxRequestBytes)]
public sealed class IndexModel(HouseholdQueries households, DocumentQueries documents, UploadDocumentHandler upload, WithdrawDocumentHandler withdraw) : PageModel
{
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];
    public IReadOnlyList<DocumentLinkOption> Links { get; private set; } = [];

    [BindProperty] public IFormFile? Bestand { get; set; }
    /// <summary>What the document belongs to, as "Soort:id"; empty is the household.</summary>
    [BindProperty] public string? Koppeling { get; set; }
    [BindProperty] public string? Omschrijving { get; set; }
    [BindProperty] public Guid DocumentId { get; set; }
    [BindProperty] public WithdrawInput Intrekken { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var (person, goal, conference) = (Link(DocumentLink.Persoon), Link(DocumentLink.Doel), Link(DocumentLink.Overleg));
        var result = await upload.HandleAsync(id, await DocumentsApi.InputAsync(Bestand, person, goal, conference, Omschrijving, ct), ct);
        if (result.IsOk || result.Status is CommandStatus.NotFound || result.Status == CommandStatus.Forbidden && result.Errors is [{ Code: ErrorCodes.Forbidden }, ..])
            return this.Finish(result, $"/huishoudens/{id}/documenten", $"Het document {result.Value?.Bestandsnaam} is opgeslagen.")!;
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Field is "PersoonId" or "DoelId" or "OverlegId" ? nameof(Koppeling) : e.Field, e.Message);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await withdraw.HandleAsync(id, DocumentId, Intrekken, ct);
        if (this.Finish(result, $"/huishoudens/{id}/documenten", "Het document is ingetrokken; de inhoud is verwijderd.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private Guid? Link(DocumentLink kind) =>
        Koppeling?.Split(':') is [var k, var v] && k == kind.ToString() && Guid.TryParse(v, out var g) ? g : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        var list = await documents.ListAsync(id, ct);
        if (!list.IsOk) return false;
        (HouseholdId, HouseholdNaam, Documents) = (id, h.Naam, list.Value!);
        Links = await documents.LinkOptionsAsync(id, ct);
        return true;
    }

    public string LinkName(DocumentView d) =>
        Links.FirstOrDefault(l => l.Id == (d.PersoonId ?? d.DoelId ?? d.OverlegId))?.Naam ?? "Het huishouden";
}
