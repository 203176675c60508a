using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Involvements;

public sealed record InboxItem(string Title, string Body, DateTime CreatedAt);

/// <summary>The signed-in user's messages and those of their organisation, newest first.</summary>
public sealed class InboxModel(RegieDbContext db, CurrentUser user) : PageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await InboxQuery(db, user).Take(100)
        .Select(n => new InboxItem(n.Title, n.Body, n.CreatedAt)).ToListAsync(ct);

    public static IQueryable<Notification> InboxQuery(RegieDbContext db, CurrentUser user)
    {
        var me = user.ActorId;
        var organisation = user.Organisation;
        var organisationId = user.OrganisationId;
        return db.Notifications.AsNoTracking()
            .Where(n => n.UserId == me
                || (organisationId != null && n.OrganisationId == organisationId)
                || (organisationId == null && organisation != null && db.Organisations.Any(o => o.Id == n.OrganisationId && o.Name == organisation)))
            .OrderByDescending(n => n.CreatedAt);
    }
}
