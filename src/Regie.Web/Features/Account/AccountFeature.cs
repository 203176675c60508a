using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Account;

public sealed class AccountFeature : IFeature
{
    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Account/Login");
        pages.AllowAnonymousToPage("/Account/LoginCode");
    }
}
