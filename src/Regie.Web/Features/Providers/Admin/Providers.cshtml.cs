using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Providers.Admin;

/// <summary>The partner organisations with their AGB codes and the number of their contract lines.</summary>
public sealed class ProvidersModel(ProviderQueries queries) : PageModel
{
    public IReadOnlyList<ProviderRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.ListAsync(ct);
}
