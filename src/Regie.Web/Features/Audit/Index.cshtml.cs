using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Audit;

/// <summary>
/// Only the privacy officer reads the trail. The role check sits on the page itself, not in a
/// shared policy table, so it cannot get lost when the application's policies are rearranged.
/// </summary>
[Authorize(Roles = Roles.Privacy)]
public sealed class IndexModel(AuditSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public AuditFilter Filter { get; set; } = new();
    public AuditPage Result { get; private set; } = new([], null);
    public bool Searched { get; private set; }

    public string PageUrl(long? before, string? handler = null) => QueryHelpers.AddQueryString("/privacy/audit", new Dictionary<string, string?>
    {
        ["handler"] = handler,
        ["Filter.Bsn"] = Filter.Bsn, ["Filter.Huishouden"] = Filter.Huishouden, ["Filter.Gebruiker"] = Filter.Gebruiker,
        ["Filter.Van"] = Filter.Van, ["Filter.Tot"] = Filter.Tot,
        ["Filter.Voor"] = before?.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));

    public string HouseholdUrl(Guid id) => QueryHelpers.AddQueryString("/privacy/audit", "Filter.Huishouden", id.ToString());

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (page, errors) = await search.SearchAsync(Filter, ct);
        errors.Errors.AddTo(ModelState, "Filter");
        Result = page;
        Searched = true;
    }

    /// <summary>The same selection as the page, all of it, newest first.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Filter.Voor = null;
        var errors = await search.ValidateAsync(Filter, ct);
        if (errors.HasErrors)
        {
            errors.Errors.AddTo(ModelState, "Filter");
            return Page();
        }
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audittrail-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        await search.WriteCsvAsync(Filter, Response.Body, ct);
        return new EmptyResult();
    }

    public static string ActionLabel(string action) => action switch
    {
        AuditActions.Read => "Ingezien",
        AuditActions.Denied => "Geweigerd",
        AuditActions.Search => "Gezocht",
        AuditActions.Create => "Aangemaakt",
        AuditActions.Update => "Gewijzigd",
        AuditActions.Export => "Geëxporteerd",
        AuditActions.BreakGlass => "Noodtoegang",
        AuditActions.Lookup => "Opgezocht",
        AuditActions.JournalRejected => "Journaalregel afgewezen",
        "erase" => "Gewist",
        "retention" => "Bewaartermijn",
        _ => action,
    };

    public static string ResourceLabel(string resource) => resource switch
    {
        AuditResources.Household => "Huishouden",
        AuditResources.Person => "Persoon",
        AuditResources.Timeline => "Tijdlijn",
        AuditResources.Assessment => "ZRM-meting",
        AuditResources.Audit => "Audittrail",
        AuditResources.Involvement => "Betrokkenheid",
        AuditResources.TwoFactor => "Tweestapsverificatie",
        "api-key" => "API-sleutel",
        "retention" => "Bewaartermijn",
        _ => resource,
    };

    public static string RoleLabel(string? role) => role switch
    {
        null => "",
        "systeem" => "Systeem",
        _ => Roles.Label(role),
    };
}
