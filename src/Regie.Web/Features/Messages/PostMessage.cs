using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Inkijk;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.ComponentModel;

namespace Regie.Web.Features.Messages;

public sealed class MessageInput
{
    [Description("Maximaal 4000 tekens.")] public string? Tekst { get; set; }
}

/// <summary>
/// A participant writes in a thread: the file's team or the thread's organisation. The other side gets a neutral notification
/// (the organisation as a whole, or the household's coordinator) with no text; a thread of another household reads as not found.
/// </summary>
public sealed class PostMessageHandler(RegieDbContext db, FileAccessService files, MessageQueries threads, InkijkAccess inkijk, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, Guid threadId, MessageInput input, CancellationToken ct)
    {
        // The team writes as it works in the file: emergency access reads, it does not write.
        if (files.IsCareRole && await files.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var thread = await threads.FindAsync(householdId, threadId, ct, tracked: true);
        if (thread is null) return CommandResult<Guid>.NotFound("Het gesprek");
        var errors = new ErrorList();
        if (MessageRules.CheckMessage(input.Tekst, errors) is not { } body) return CommandResult<Guid>.Invalid(errors.Errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var partner = await inkijk.OrganisationAsync(ct);
        var message = thread.Write(body, user.ActorId, user.ActorName, partner?.Id, now);
        db.Messages.Add(message);
        var coordinator = partner is null ? null : await db.Households.Where(h => h.Id == householdId).Select(h => h.CoordinatorId).FirstOrDefaultAsync(ct);
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(), Gemeentecode = thread.Gemeentecode, CreatedAt = now, Title = MessageRules.NotificationTitle, Body = MessageRules.NotificationBody,
            // From the team to the organisation; from the organisation to the coordinator, with the household for the inbox's link.
            OrganisationId = partner is null ? thread.OrganisationId : null, UserId = coordinator, HouseholdId = partner is null ? null : householdId,
        });
        var result = await db.SaveOrConflictAsync(message.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Message, householdId, null, $"bericht in gesprek {thread.Id}", ct, AuditActions.Create);
    }
}
