using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Coordination;

public sealed class MineModel(CoordinationQueries queries, Audit.AuditLog audit, Meldcode.MeldcodeQueries meldcode) : PageModel
{
    /// <summary>The households of the list that show the "Veiligheid" marker to this user.</summary>
    public IReadOnlySet<Guid> Safety { get; private set; } = new HashSet<Guid>();
    public IReadOnlyList<MyHousehold> Households { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Households = await queries.MineAsync(ct);
        Safety = await meldcode.MarkedAsync(Households.Select(h => h.Id).ToList(), ct);
        await audit.RecordListAsync(Audit.AuditResources.Household, $"mijn huishoudens ({Households.Count})", Households.Select(h => ((Guid?)h.Id, (Guid?)null)), ct);
    }
}
