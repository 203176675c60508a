using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Search;

public sealed class IndexModel(PersonSearch search, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public SearchResultsView Results { get; private set; } = SearchResultsView.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Q is not null) Results = await SearchResultsView.RunAsync(search, Q, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
    }
}

public sealed record SearchResultsView(string? Query, string? Error, SearchResult? Result)
{
    public static readonly SearchResultsView Empty = new(null, null, null);

    public static async Task<SearchResultsView> RunAsync(PersonSearch search, string q, DateOnly today, CancellationToken ct)
    {
        var request = PersonSearch.Parse(q, today);
        if (!request.IsValid) return new(q, request.Error!.Message, null);
        return new(q, null, await search.SearchAsync(request.Value, ct));
    }

    public string KindLabel => Result?.Request.Kind switch
    {
        SearchKind.Bsn => "BSN",
        SearchKind.Adres => "adres",
        SearchKind.Geboortedatum => "geboortedatum",
        _ => "achternaam",
    };
}
