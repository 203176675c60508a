using Microsoft.EntityFrameworkCore;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Inkijk;

namespace Regie.Web.Features.Messages;

public sealed record ThreadItem(Guid Id, string Onderwerp, string Organisatie, DateTime LaatsteBericht);

public sealed record MessageView(Guid Id, string Afzender, string Tekst, DateTime Verstuurd);

public sealed record ThreadView(Guid Id, Guid HuishoudenId, string Onderwerp, string Organisatie, IReadOnlyList<MessageView> Berichten);

/// <summary>
/// Who takes part in a household's threads: the care roles that may open the file (all its threads), and a partner organisation
/// in its own threads while it has consent for messages and is involved. Anyone else, and a thread of another household, reads
/// as not found.
/// </summary>
public sealed class MessageParticipation(FileAccessService files, InkijkAccess inkijk)
{
    /// <summary>Null: the user takes part in none of the household's threads; an empty guid: all of them (the file's team); else the organisation's.</summary>
    public async Task<(bool Team, InkijkOrganisation? Organisation)?> DecideAsync(Guid householdId, CancellationToken ct)
    {
        if (files.IsCareRole) return await files.CanOpenAsync(householdId, ct) ? (true, null) : null;
        if (await inkijk.OrganisationAsync(ct) is { } organisation && await inkijk.MayAsync(organisation.Id, householdId, ConsentScope.Berichten, ct))
            return (false, organisation);
        return null;
    }
}

/// <summary>The household's threads and one thread with its messages, for who takes part. Every read is on record.</summary>
public sealed class MessageQueries(RegieDbContext db, MessageParticipation participation, InkijkAccess inkijk, AuditLog audit)
{
    public async Task<IReadOnlyList<ThreadItem>?> ThreadsAsync(Guid householdId, CancellationToken ct)
    {
        if (await participation.DecideAsync(householdId, ct) is not { } who)
        {
            await audit.RecordAsync(AuditActions.Denied, AuditResources.Message, householdId, detail: "berichten", ct: ct);
            return null;
        }
        var threads = await db.MessageThreads.AsNoTracking().Where(t => t.HouseholdId == householdId && (who.Team || t.OrganisationId == who.Organisation!.Id))
            .OrderByDescending(t => t.LastMessageAt)
            .Select(t => new ThreadItem(t.Id, t.Subject, db.Organisations.Where(o => o.Id == t.OrganisationId).Select(o => o.Name).FirstOrDefault() ?? "?", t.LastMessageAt))
            .ToListAsync(ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Message, householdId, detail: "berichten: lijst", ct: ct);
        return threads;
    }

    /// <summary>A partner's threads over all households it may still exchange messages about; nothing for anyone else.</summary>
    public async Task<IReadOnlyList<(Guid HouseholdId, ThreadItem Thread)>> PartnerThreadsAsync(CancellationToken ct)
    {
        if (await inkijk.OrganisationAsync(ct) is not { } organisation) return [];
        var households = await inkijk.HouseholdsAsync(organisation.Id, ConsentScope.Berichten, ct);
        var ids = households.Keys.ToList();
        var threads = await db.MessageThreads.AsNoTracking().Where(t => t.OrganisationId == organisation.Id && ids.Contains(t.HouseholdId))
            .OrderByDescending(t => t.LastMessageAt).Select(t => new { t.HouseholdId, t.Id, t.Subject, t.LastMessageAt }).ToListAsync(ct);
        await audit.RecordListAsync(AuditResources.Message, $"berichten van {organisation.Name}", threads.Select(t => ((Guid?)t.HouseholdId, (Guid?)null)), ct);
        return threads.Select(t => (t.HouseholdId, new ThreadItem(t.Id, t.Subject, organisation.Name, t.LastMessageAt))).ToList();
    }

    public async Task<ThreadView?> ThreadAsync(Guid householdId, Guid threadId, CancellationToken ct)
    {
        var thread = await FindAsync(householdId, threadId, ct);
        if (thread is null) return null;
        var messages = await db.Messages.AsNoTracking().Where(m => m.ThreadId == thread.Id).OrderBy(m => m.SentAt)
            .Select(m => new MessageView(m.Id, m.AuthorName, m.Body, m.SentAt)).ToListAsync(ct);
        var organisation = await db.Organisations.Where(o => o.Id == thread.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "?";
        await audit.RecordAsync(AuditActions.Read, AuditResources.Message, householdId, detail: $"berichten: {thread.Id}", ct: ct);
        return new ThreadView(thread.Id, householdId, thread.Subject, organisation, messages);
    }

    /// <summary>The thread when it is this household's and the user takes part in it; a refusal is on record.</summary>
    public async Task<MessageThread?> FindAsync(Guid householdId, Guid threadId, CancellationToken ct, bool tracked = false)
    {
        var who = await participation.DecideAsync(householdId, ct);
        var threads = tracked ? db.MessageThreads : db.MessageThreads.AsNoTracking();
        var thread = who is null ? null : await threads.FirstOrDefaultAsync(t => t.Id == threadId && t.HouseholdId == householdId
            && (who.Value.Team || t.OrganisationId == who.Value.Organisation!.Id), ct);
        if (thread is null) await audit.RecordAsync(AuditActions.Denied, AuditResources.Message, householdId, detail: $"berichten: {threadId}", ct: ct);
        return thread;
    }
}
