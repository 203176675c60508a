using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Requests;

public sealed class IndexModel(RequestQueries queries) : PageModel
{
    public IReadOnlyList<OpenRequest> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Requests = await queries.OpenAsync(ct);
}
