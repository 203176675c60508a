using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Involvements;

/// <param name="Lines">The message's lines, each shown as text.</param>
/// <param name="HuishoudenId">The household the message is about, only when the reader may open its file.</param>
public sealed record InboxItem(string Title, IReadOnlyList<string> Lines, DateTime CreatedAt, Guid? HuishoudenId);

/// <summary>The signed-in user's messages and those of their organisation, newest first.</summary>
public sealed class InboxModel(RegieDbContext db, CurrentUser user, FileAccessService access, Audit.AuditLog audit) : PageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await InboxQuery(db, user).Take(100).Select(n => new { n.Title, n.Body, n.CreatedAt, n.HouseholdId }).ToListAsync(ct);
        var households = rows.Where(r => r.HouseholdId is not null).Select(r => r.HouseholdId!.Value).Distinct().ToList();
        var open = access.IsCareRole ? await access.DecideManyAsync(households, ct) : new Dictionary<Guid, Domain.Access.FileAccessLevel>();
        Items = rows.Select(r => new InboxItem(r.Title, r.Body.Split('\n', StringSplitOptions.TrimEntries), r.CreatedAt,
            r.HouseholdId is { } h && open.GetValueOrDefault(h) != Domain.Access.FileAccessLevel.Denied ? h : null)).ToList();
        // Messages about residents (a new involvement, a signal): on record for each household they are about.
        await audit.RecordListAsync(Audit.AuditResources.Involvement, $"berichten ({rows.Count})", households.Select(h => ((Guid?)h, (Guid?)null)), ct);
    }

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
