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
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Messages;

public sealed class MessageInput
{
    [Required, Description("Maximaal 4000 tekens.")] public string? Tekst { get; set; }
}

/// <summary>
/// A participant writes in a thread: the file's team or the thread's organisation. The other side gets a neutral notification
/// (the organisation as a whole, or the household's coordinator) with no text; a thread of another household reads as not found.
/// </summary>
public sealed class PostMessageHandler(RegieDbContext db, FileAccessService files, MessageQueries threads, InkijkAccess inkijk, CurrentUser user, AuditLog audit,
    MessageNotice notice, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, Guid threadId, MessageInput input, CancellationToken ct)
    {
        // The team writes as it works in the file: emergency access reads, it does not write.
        if (files.IsCareRole && await files.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var thread = await threads.FindAsync(householdId, threadId, ct, tracked: true);
        if (thread is null) return CommandResult<Guid>.NotFound("Het gesprek");
        var errors = new ErrorList();
        var body = MessageRules.CheckMessage(input.Tekst, errors);
        var partner = await inkijk.OrganisationAsync(ct);
        // The team writes only while the organisation may still read: after the consent is revoked the thread stays readable to the team.
        if (partner is null) errors.Add(MessageRules.CheckStillTakingPart(await inkijk.MayAsync(thread.OrganisationId, householdId, ConsentScope.Berichten, ct)));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = thread.Write(body!, user.ActorId, user.ActorName, partner?.Id, now);
        db.Messages.Add(message);
        await notice.AddAsync(thread, toOrganisation: partner is null, now, ct);
        var result = await db.SaveOrConflictAsync(message.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Message, householdId, null, $"bericht in gesprek {thread.Id}", ct, AuditActions.Create);
    }
}
