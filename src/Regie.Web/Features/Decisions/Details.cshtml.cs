using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Decisions;

public sealed class DetailsModel(DecisionQueries queries, ReceiveApplicationHandler receive, ExtendDecisionTermHandler extend,
    WithdrawApplicationHandler withdraw, Access.FileAccessService access, Toewijzingen.ToewijzingQueries assignments,
    Toewijzingen.ChangeToewijzingHandler changeAssignment) : PageModel
{
    [BindProperty] public Toewijzingen.ToewijzingWijzigingInput Wijziging { get; set; } = new();
    [BindProperty] public Guid ToewijzingId { get; set; }
    /// <summary>The assignments the decision made, with their last 301 and what the provider reported.</summary>
    public IReadOnlyList<Toewijzingen.ToewijzingView> Toewijzingen { get; private set; } = [];
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Redenen { get; private set; } = [];
    [BindProperty] public ReceiveInput Receive { get; set; } = new();
    [BindProperty] public ExtendInput Extend { get; set; } = new();
    [BindProperty] public WithdrawInput Withdraw { get; set; } = new();
    public ApplicationView Application { get; private set; } = default!;
    /// <summary>The desk decides without opening the household's file; the link shows only to those who may.</summary>
    public bool MayOpenFile { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReceiveAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await receive.HandleAsync(id, Receive, ct), "Receive", "De aanvraag is vastgelegd; de beslistermijn loopt.", ct);

    public async Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await extend.HandleAsync(id, Extend, ct), "Extend", "De beslistermijn is verdaagd. Laat de inwoner dit met de reden weten.", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        await AnswerAsync(id, await withdraw.HandleAsync(id, Withdraw, ct), "Withdraw", "De aanvraag is ingetrokken.", ct);

    public async Task<IActionResult> OnPostToewijzingAsync(Guid id, CancellationToken ct)
    {
        var result = await changeAssignment.HandleAsync(ToewijzingId, Wijziging, ct);
        return await AnswerAsync(id, result.Select(_ => 0), "Wijziging", result.Value is { } w
            ? $"Toewijzing {w.Nummer} is gewijzigd; de 301 aan de aanbieder is {(w.BerichtStatus == "klaar" ? "klaar voor verzending" : "afgewezen: zie hieronder waarom")}."
            : "", ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, CommandResult<int> result, string prefix, string message, CancellationToken ct)
    {
        ModelState.Clear();
        switch (result.Status)
        {
            case CommandStatus.NotFound: return NotFound();
            case CommandStatus.Forbidden: return Forbid();
            case CommandStatus.Ok:
                TempData["Melding"] = message;
                return Redirect($"/aanvragen/{id}");
        }
        result.Errors.AddTo(ModelState, prefix);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } a) return false;
        Application = a;
        Toewijzingen = await assignments.ForApplicationAsync(id, ct, audited: false) ?? [];
        Redenen = [new("Kies de reden", ""), .. Domain.IStandaarden.BerichtCodeLists.RedenWijzigingFor(a.Kader).Entries.Select(e => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem($"{e.Code} {e.Name}", e.Code))];
        MayOpenFile = a.HuishoudenId is { } hid && await access.CanOpenAsync(hid, ct);
        return true;
    }
}
