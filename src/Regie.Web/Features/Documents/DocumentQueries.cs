using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Documents;

/// <summary>
/// The documents of a household's file, without their content, for the care roles that may open it (emergency access reads
/// too). The list read is audited; a document of another household reads as not found.
/// </summary>
public sealed class DocumentQueries(RegieDbContext db, FileAccessService access, AuditLog audit)
{
    public async Task<CommandResult<IReadOnlyList<DocumentView>>> ListAsync(Guid householdId, CancellationToken ct)
    {
        if (await access.RefuseAsync<IReadOnlyList<DocumentView>>(householdId, FileWork.Read, ct) is { } refused) return refused;
        var rows = await db.Documents.AsNoTracking().Where(d => d.HouseholdId == householdId).OrderByDescending(d => d.UploadedAt)
            .Select(d => new DocumentView(d.Id, d.FileName, d.Type, d.ContentType, d.Size, d.Description, d.PersonId, d.GoalId, d.ConferenceId, d.UploadedByName,
                d.UploadedAt, d.WithdrawnAt != null, d.WithdrawnAt, d.WithdrawReason, d.Version))
            .ToListAsync(ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Document, householdId, detail: $"documenten ({rows.Count})", ct: ct);
        return CommandResult<IReadOnlyList<DocumentView>>.Ok(rows);
    }

    /// <summary>The members (current and former), goals of its plans and conferences of this household a document may be linked to.</summary>
    public async Task<IReadOnlyList<DocumentLinkOption>> LinkOptionsAsync(Guid householdId, CancellationToken ct)
    {
        var options = (await PlanVersions.MembersAsync(db, householdId, ct)).Select(m => new DocumentLinkOption(DocumentLink.Persoon, m.PersonId, m.Name)).ToList();
        options.AddRange((await db.PlanGoals.AsNoTracking().Where(g => g.HouseholdId == householdId).OrderBy(g => g.CreatedAt).Select(g => new { g.Id, g.Wat }).ToListAsync(ct))
            .Select(g => new DocumentLinkOption(DocumentLink.Doel, g.Id, g.Wat)));
        options.AddRange((await db.Conferences.AsNoTracking().Where(c => c.HouseholdId == householdId).OrderByDescending(c => c.StartsAt)
                .Select(c => new { c.Id, c.Kind, c.StartsAt }).ToListAsync(ct))
            .Select(c => new DocumentLinkOption(DocumentLink.Overleg, c.Id, $"{ConferenceRules.Label(c.Kind)} van {Format.DateTime(c.StartsAt)}")));
        return options;
    }
}
