using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Berichten;

/// <summary>The desk's view of the exchange: the messages waiting for the hub and the rejected ones first, filtered by kind, status and date.</summary>
public sealed class IndexModel(BerichtenQueries queries) : PageModel
{
    [FromQuery(Name = "soort")] public string? Soort { get; set; }
    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "van")] public string? Van { get; set; }
    [FromQuery(Name = "tot")] public string? Tot { get; set; }
    [FromQuery(Name = "pagina")] public string? Pagina { get; set; }
    public BerichtenPage? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await queries.ListAsync(new BerichtFilter(Soort, Status, Van, Tot, Pagina), ct);
        if (result.IsOk) Result = result.Value;
        // The filter's fields carry the form's names: soort is the API's type.
        else foreach (var e in result.Errors) ModelState.AddModelError(e.Field == "Type" ? "soort" : e.Field.ToLowerInvariant(), e.Message);
    }

    /// <summary>The link to another page of the same filter.</summary>
    public string PageLink(int page) =>
        $"/berichtenverkeer?soort={Uri.EscapeDataString(Soort ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&van={Uri.EscapeDataString(Van ?? "")}&tot={Uri.EscapeDataString(Tot ?? "")}&pagina={page}";

    public string? ErrorFor(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string StatusLabel(Domain.IStandaarden.BerichtStatus status) => status switch
    {
        Domain.IStandaarden.BerichtStatus.Klaar => "klaar om te verzenden",
        Domain.IStandaarden.BerichtStatus.Verzonden => "verzonden",
        Domain.IStandaarden.BerichtStatus.Afgewezen => "afgewezen",
        Domain.IStandaarden.BerichtStatus.Ontvangen => "ontvangen",
        _ => "beantwoord",
    };

    public static string Richting(Domain.IStandaarden.BerichtRichting richting) =>
        richting == Domain.IStandaarden.BerichtRichting.Uit ? "naar aanbieder" : "van aanbieder";

    public static string Date(DateTime? utc) => utc is { } d ? Format.DateTime(d) : "";
}
