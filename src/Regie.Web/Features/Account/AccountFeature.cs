using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Regie.Web.Features.Account;

public sealed class AccountFeature : IFeature
{
    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Account/Login");
        pages.AllowAnonymousToPage("/Account/LoginCode");
    }
}
