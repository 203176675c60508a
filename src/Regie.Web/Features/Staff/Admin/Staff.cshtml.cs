using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Staff.Admin;

public sealed class StaffModel(StaffQueries queries) : PageModel
{
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Staff = await queries.ListAsync(ct);
}
