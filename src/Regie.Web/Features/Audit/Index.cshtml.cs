using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.Globalization;

namespace Regie.Web.Features.Audit;

/// <summary>
/// Only the privacy officer reads the trail. The role check sits on the page itself, not in a
/// shared policy table, so it cannot get lost when the application's policies are rearranged.
/// </summary>
[Authorize(Roles = Roles.Privacy)]
public sealed class IndexModel(AuditSearch search, Involvements.QuickWithdrawals withdrawals) : PageModel
{
    /// <summary>Registrations withdrawn within a day, per organisation: register-and-withdraw as a look-up without purpose.</summary>
    public IReadOnlyList<Involvements.QuickWithdrawalCount> QuickWithdrawals { get; private set; } = [];

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

    public const string BsnNotInUrl = "Zoek op een BSN met het formulier: een BSN hoort niet in een webadres, dat in logbestanden en de browsergeschiedenis belandt.";

    /// <summary>
    /// Searches without a BSN (a household, a user, a period) can be links; a BSN only comes by POST, so it never
    /// stands in a URL. One that arrives in the query string is not searched for.
    /// </summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (RefuseBsnInUrl())
        {
            QuickWithdrawals = await withdrawals.PerOrganisationAsync(ct);
            return;
        }
        await SearchAsync(ct);
    }

    public Task OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return SearchAsync(ct);
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        QuickWithdrawals = await withdrawals.PerOrganisationAsync(ct);
        var (page, errors) = await search.SearchAsync(Filter, ct);
        errors.Errors.AddTo(ModelState, "Filter");
        Result = page;
        Searched = true;
    }

    private bool RefuseBsnInUrl()
    {
        if (string.IsNullOrWhiteSpace(Filter.Bsn)) return false;
        Filter.Bsn = null;
        ModelState.AddModelError("Filter.Bsn", BsnNotInUrl);
        return true;
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (RefuseBsnInUrl()) return Page();
        return await CsvAsync(ct);
    }

    public async Task<IActionResult> OnPostCsvAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await CsvAsync(ct);
    }

    /// <summary>The same selection as the page, all of it, newest first.</summary>
    private async Task<IActionResult> CsvAsync(CancellationToken ct)
    {
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
        AuditActions.Erase => "Gewist",
        AuditActions.Delete => "Verwijderd",
        AuditActions.Retention => "Bewaartermijn",
        _ => action,
    };

    /// <summary>What an entry is about, in Dutch; an entry written before ADR 0013 under a Dutch name reads as the same thing.</summary>
    public static string ResourceLabel(string resource) => AuditResources.Current(resource) switch
    {
        AuditResources.Household => "Huishouden",
        AuditResources.Person => "Persoon",
        AuditResources.Timeline => "Tijdlijn",
        AuditResources.Assessment => "ZRM-meting",
        AuditResources.Audit => "Audittrail",
        AuditResources.Involvement => "Betrokkenheid",
        AuditResources.TwoFactor => "Tweestapsverificatie",
        AuditResources.Staff => "Medewerkers",
        AuditResources.Team => "Teams",
        AuditResources.Organisation => "Organisaties",
        AuditResources.ApiKey => "API-sleutel",
        AuditResources.Retention => "Bewaartermijn",
        AuditResources.Plan => "Plan",
        AuditResources.Trajectory => "Traject",
        AuditResources.Request => "Hulpvraag",
        AuditResources.Triage => "Triage",
        AuditResources.SocialMap => "Sociale kaart",
        AuditResources.Referral => "Verwijzing",
        AuditResources.LightSupport => "Lichte ondersteuning",
        AuditResources.Application => "Aanvraag",
        AuditResources.Spend => "Uitgave",
        AuditResources.Budget => "Budget",
        AuditResources.BudgetReport => "Budgetrapportage",
        AuditResources.Mandate => "Mandaat",
        AuditResources.Tariff => "Tarief",
        AuditResources.MonitorCost => "Monitorkosten",
        AuditResources.EarlySignal => "Vroegsignaal",
        AuditResources.Scenario => "Scenario",
        AuditResources.Evaluation => "Evaluatie",
        AuditResources.Monitor => "Monitor",
        var other => other,
    };

    public static string RoleLabel(string? role) => role switch
    {
        null => "",
        AuditActors.System => "Systeem",
        _ => Roles.Label(role),
    };
}
