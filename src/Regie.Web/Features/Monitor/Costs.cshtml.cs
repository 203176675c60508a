using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Monitor;

[Authorize(Roles = Roles.Beleid)]
public sealed class CostsModel(MonitorCostQueries costs, RecordCostEntryHandler record, WithdrawCostEntryHandler withdraw, RegieDbContext db) : PageModel
{
    [BindProperty] public CostInput Input { get; set; } = new();
    public IReadOnlyList<CostRow> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Kinds { get; } =
    [
        new("Kies de soort", ""), new("Personeel van een team (volledige kosten)", "Personeel"), new("Overhead stadhuis", "Overhead"), new("Inhuur en advies", "Advies"),
    ];
    public IReadOnlyList<SelectListItem> Payers { get; } =
    [
        new("Niet van toepassing", ""), new("Gemeente", "Gemeente"), new("Eigen organisatie van het team (subsidie)", "EigenOrganisatie"), new("Aanbieder (detachering, subsidie)", "Aanbieder"),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await record.HandleAsync(Input, ct);
        if (this.Finish(result, "/monitor/kosten", "De kostenpost is toegevoegd.") is { } done) return done;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        var result = await withdraw.HandleAsync(id, ct);
        return this.Finish(result, "/monitor/kosten", "De kostenpost is ingetrokken; hij blijft zichtbaar in de geschiedenis.") ?? RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await costs.ListAsync(ct);
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).Prepend(new SelectListItem("Geen (overhead of advies)", "")).ToList();
    }
}
