using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Coordination;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Staff.Admin;

public sealed class StaffEditModel(SetEmploymentHandler handler, StaffQueries queries, RegieDbContext db) : PageModel
{
    [BindProperty] public StaffEmploymentInput Input { get; set; } = new();
    public StaffRow Member { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Kinds { get; } =
        [new SelectListItem("Niet vastgelegd", ""), .. Enum.GetValues<EmployerKind>().Select(k => new SelectListItem(Employment.Label(k), k.ToString()))];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var current = await queries.EmploymentAsync(id, ct);
        Input = new StaffEmploymentInput { Werkgever = current?.Werkgever?.ToString(), WerkgeverOrganisatieId = current?.WerkgeverOrganisatieId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(id, Input, ct);
        if (this.Finish(result, "/beheer/medewerkers", "De werkgever is opgeslagen.") is { } done) return done;
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } member) return NotFound();
        Member = member;
        Organisations = [new SelectListItem("Geen (de gemeente)", ""), .. await db.Organisations.Where(o => o.Kind != OrganisationKinds.Afdeling).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct)];
        return null;
    }
}
