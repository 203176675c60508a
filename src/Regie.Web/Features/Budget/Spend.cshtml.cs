using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>One spend: its reasons, comparison and history; the team lead or the municipality decides here, the team records the payment or cancels.</summary>
[Authorize(Roles = BudgetRoles.Readers)]
public sealed class SpendModel(SpendQueries spends, ApproveSpendHandler approve, RefuseSpendHandler refuse, PaySpendHandler pay, CancelSpendHandler cancel) : PageModel
{
    public SpendView Spend { get; private set; } = default!;
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public DecisionInput Cancellation { get; set; } = new();
    [BindProperty] public PaymentInput Payment { get; set; } = new();
    public bool MayDecide => Spend.IsPending && (User.IsInRole(Roles.Beleid) || (User.IsInRole(Roles.Teamleider) && Spend.Niveau == Domain.Budget.ApprovalLevel.Teamleider));
    public bool MayAct => (User.IsInRole(Roles.Professional) || User.IsInRole(Roles.Teamleider)) && Spend.Huishouden is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await spends.GetAsync(id, ct) is not { } s) return NotFound();
        Spend = s;
        Payment = new PaymentInput { Bedrag = s.Bedrag.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), Datum = Format.Date(DateOnly.FromDateTime(DateTime.UtcNow)) };
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => AnswerAsync(id, "Decision", () => approve.HandleAsync(id, Decision, ct), "De uitgave is goedgekeurd.", ct);
    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) => AnswerAsync(id, "Decision", () => refuse.HandleAsync(id, Decision, ct), "De uitgave is afgewezen.", ct);
    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) => AnswerAsync(id, "Cancellation", () => cancel.HandleAsync(id, Cancellation, ct), "De uitgave is geannuleerd.", ct);

    public Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken ct)
    {
        Payment.Versie = Decision.Versie;
        return AnswerAsync(id, "Payment", () => pay.HandleAsync(id, Payment, ct), "De betaling is vastgelegd.", ct);
    }

    private async Task<IActionResult> AnswerAsync<T>(Guid id, string prefix, Func<Task<CommandResult<T>>> act, string message, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await act();
        switch (result.Status)
        {
            case CommandStatus.NotFound: return NotFound();
            case CommandStatus.Forbidden: return Forbid();
            case CommandStatus.Ok:
                TempData["Melding"] = message;
                return Redirect($"/uitgaven/{id}");
        }
        result.Errors.AddTo(ModelState, prefix);
        if (await spends.GetAsync(id, ct) is not { } s) return NotFound();
        Spend = s;
        return Page();
    }
}
