using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features;

/// <summary>
/// Who may open a slice's pages. A slice's admin pages live in its own <c>Admin</c> folder
/// (<c>/SocialMap/Admin/…</c>) and keep their <c>/beheer/…</c> address in their <c>@page</c> route: every page in
/// such a folder is for the functional admin only, who uses Regie only with two-factor sign-in (RequireTwoFactor).
/// </summary>
public static class PageAuthorization
{
    private const string AdminFolder = "Admin";

    /// <summary>Every page in a folder named Admin, in any slice, requires <see cref="Policies.Admin"/>.</summary>
    public static void AuthorizeAdminFolders(this PageConventionCollection pages) =>
        pages.AddFolderApplicationModelConvention("/", model =>
        {
            if (IsAdminPage(model.ViewEnginePath)) model.EndpointMetadata.Add(new AuthorizeAttribute(Policies.Admin));
        });

    /// <summary>
    /// <see cref="PageConventionCollectionExtensions.AuthorizeFolder(PageConventionCollection, string, string)"/> for a slice's
    /// folder, without its Admin folder: policies add up, so the slice's policy would shut the functional admin out of it.
    /// The pages in <paramref name="except"/> are left out too, for a page that is open to other roles than the slice's (it then
    /// needs its own <c>AuthorizePage</c>).
    /// </summary>
    public static void AuthorizeSlice(this PageConventionCollection pages, string folder, string policy, params string[] except) =>
        pages.AddFolderApplicationModelConvention(folder, model =>
        {
            if (!IsAdminPage(model.ViewEnginePath) && !except.Contains(model.ViewEnginePath, StringComparer.Ordinal))
                model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
        });

    /// <summary>"/SocialMap/Admin/SocialMap": a folder on the way to the page is called Admin.</summary>
    private static bool IsAdminPage(string viewEnginePath) =>
        viewEnginePath.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Contains(AdminFolder, StringComparer.Ordinal);
}
