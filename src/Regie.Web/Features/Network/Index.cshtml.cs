using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Network;

/// <summary>The household's network and its eco-map: who is around the household, at a glance and as a table.</summary>
public sealed class IndexModel(NetworkQueries queries, Access.FileAccessService access) : PageModel
{
    public NetworkView Network { get; private set; } = default!;
    public EcoMap Map { get; private set; } = default!;
    /// <summary>Change the network: not with emergency access, which only reads.</summary>
    public bool MayChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.EcoMapAsync(id, ct) is not { } found) return NotFound();
        (Network, Map) = found;
        MayChange = await access.MayAsync(id, Domain.Access.FileWork.Change, ct);
        return Page();
    }
}
