using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Infrastructure;
using System.Security.Claims;

namespace Regie.Web.Features.Start;

/// <summary>The landing page for every role; roles without files (department, policy, admin) start here.</summary>
public sealed class IndexModel : PageModel
{
    public string Name => User.FindFirstValue(RegieClaims.DisplayName) ?? "";
    public string? Organisation => User.FindFirstValue(RegieClaims.Organisation);
    public string RoleLabel => string.Join(", ", Roles.All.Where(User.IsInRole).Select(Roles.Label));

    public void OnGet() { }
}
