using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Households;

public sealed class NewModel(CreateHouseholdHandler handler) : PageModel
{
    private const int RowsWithoutJavaScript = 4;
    public const int MaxRows = 20;

    [BindProperty] public CreateHouseholdInput Input { get; set; } = new();
    public bool ShowDuplicateConfirmation { get; private set; }

    public void OnGet() => PadRows();

    /// <summary>htmx: one more empty member row.</summary>
    public IActionResult OnGetLid(int index)
    {
        index = Math.Clamp(index, 0, MaxRows - 1);
        var view = new ViewDataDictionary<MemberInput>(ViewData, new MemberInput()) { ["Index"] = index };
        view.TemplateInfo.HtmlFieldPrefix = $"Input.Leden[{index}]";
        return new PartialViewResult { ViewName = "_NewMemberRow", ViewData = view };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // the handler validates; binding errors of string fields cannot occur
        var result = await handler.HandleAsync(Input, ct);
        if (result.IsOk) return Redirect($"/huishoudens/{result.Value}");
        result.Errors.AddTo(ModelState);
        ShowDuplicateConfirmation = result.Errors.Any(e => e.Code == ErrorCodes.PossibleDuplicate);
        PadRows();
        return Page();
    }

    private void PadRows()
    {
        while (Input.Leden.Count < RowsWithoutJavaScript) Input.Leden.Add(new MemberInput());
    }
}
