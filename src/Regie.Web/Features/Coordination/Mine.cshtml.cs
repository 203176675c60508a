using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Coordination;

public sealed class MineModel(CoordinationQueries queries, Audit.AuditLog audit) : PageModel
{
    public IReadOnlyList<MyHousehold> Households { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Households = await queries.MineAsync(ct);
        await audit.RecordListAsync(Audit.AuditResources.Household, $"mijn huishoudens ({Households.Count})", Households.Select(h => ((Guid?)h.Id, (Guid?)null)), ct);
    }
}
