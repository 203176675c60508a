using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Shared;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
