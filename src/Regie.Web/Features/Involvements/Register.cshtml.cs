using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Assessment;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Involvements;

public sealed class RegisterModel(InvolvementQueries queries, RegisterInvolvementHandler register, RenewInvolvementHandler renew,
    WithdrawInvolvementHandler withdraw, InvolvementOptions options) : PageModel
{
    public int MaxYears => options.MaxYears;
    [BindProperty] public InvolvementInput Input { get; set; } = new();
    public IReadOnlyList<OwnInvolvement> Own { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Domains { get; } =
        Zrm.Domains.Select(d => new SelectListItem(Zrm.Label(d), d.ToString())).Prepend(new SelectListItem("Niet opgeven", "")).ToList();

    public async Task OnGetAsync(CancellationToken ct) => Own = await queries.OwnAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await register.HandleAsync(Input, ct);
        if (this.Finish(result, "/betrokkenheid", "De betrokkenheid is geregistreerd. Zijn er anderen betrokken, dan krijgt u en krijgen zij een match.") is { } done) return done;
        Own = await queries.OwnAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid id, CancellationToken ct) =>
        this.Finish(await renew.HandleAsync(id, ct), "/betrokkenheid", $"De betrokkenheid is verlengd: zij loopt weer {options.MaxYears} jaar.") ?? RedirectToPage();

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        this.Finish(await withdraw.HandleAsync(id, ct), "/betrokkenheid", "De betrokkenheid is ingetrokken.") ?? RedirectToPage();
}
