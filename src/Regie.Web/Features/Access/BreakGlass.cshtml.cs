using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Access;

public sealed class BreakGlassModel(BreakGlassHandler handler) : PageModel
{
    [BindProperty] public BreakGlassInput Input { get; set; } = new();
    public string? ReasonError { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(id, Input, ct);
        switch (result.Status)
        {
            case CommandStatus.Ok:
                TempData["Melding"] = $"U heeft noodtoegang tot {Format.DateTime(result.Value)}.";
                return Redirect($"/huishoudens/{id}");
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Forbidden:
                return Forbid();
            default:
                ReasonError = string.Join(" ", result.Errors.Select(e => e.Message));
                result.Errors.AddTo(ModelState);
                return Page();
        }
    }
}
