using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Involvements;

public sealed class LookupInput
{
    [Required] public string? Bsn { get; set; }
    [Required] public string? Doel { get; set; }
}

public sealed class LookupModel(InvolvementLookup service) : PageModel
{
    [BindProperty] public LookupInput Input { get; set; } = new();
    public LookupResult? Result { get; private set; }

    public void OnGet() { }

    // A POST, not a GET: the BSN must not end up in URLs, browser history or proxy logs.
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await service.LookupAsync(Input.Bsn, Input.Doel, ct);
        if (result.IsOk) Result = result.Value;
        else result.Errors.AddTo(ModelState);
        return Page();
    }
}
