using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Shared;

public static class PageResults
{
    /// <summary>
    /// The usual answer of a form post: 404/403 as such, success as a redirect with a message,
    /// anything else as errors at the fields (null: the caller shows the page again).
    /// </summary>
    public static IActionResult? Finish<T>(this PageModel page, CommandResult<T> result, string successUrl, string message)
    {
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return new NotFoundResult();
            case CommandStatus.Forbidden when result.Errors is [{ Code: not ErrorCodes.Forbidden }, ..]:
                // A rule that says why (emergency access is read-only, another team holds the file): shown on the page.
                result.Errors.AddTo(page.ModelState);
                return null;
            case CommandStatus.Forbidden:
                return new ForbidResult();
            case CommandStatus.Ok:
                page.TempData["Melding"] = message;
                return new RedirectResult(successUrl);
            default:
                result.Errors.AddTo(page.ModelState);
                return null;
        }
    }
}
