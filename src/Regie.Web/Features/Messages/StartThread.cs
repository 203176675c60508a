using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Consent;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Inkijk;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Messages;

public sealed class StartThreadInput
{
    [Required, Description("De betrokken partnerorganisatie met toestemming voor berichten.")] public Guid? OrganisatieId { get; set; }
    [Required, Description("Maximaal 200 tekens.")] public string? Onderwerp { get; set; }
    [Required, Description("Het eerste bericht; maximaal 4000 tekens.")] public string? Tekst { get; set; }
}

/// <summary>
/// A care role of the file starts a thread with an involved organisation that has consent for messages. The organisation gets a
/// neutral notification (no subject, no text); the timeline says only that a thread started with whom.
/// </summary>
public sealed class StartThreadHandler(RegieDbContext db, FileAccessService access, InkijkAccess inkijk, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    MessageNotice notice, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, StartThreadInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var errors = new ErrorList();
        var content = MessageRules.CheckThread(input.Onderwerp, input.Tekst, errors);
        var organisation = input.OrganisatieId is { } id ? await db.Organisations.Where(o => o.Id == id && o.Kind == OrganisationKinds.Partner).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        errors.Add(MessageRules.CheckOrganisation(organisation is not null && await inkijk.MayAsync(input.OrganisatieId!.Value, householdId, ConsentScope.Berichten, ct)));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var thread = MessageThread.Start(household.Gemeentecode, householdId, input.OrganisatieId!.Value, content!.Value.Subject, user.ActorId, user.ActorName, now);
        db.MessageThreads.Add(thread);
        db.Messages.Add(thread.Write(content.Value.Body, user.ActorId, user.ActorName, null, now));
        await notice.AddAsync(thread, toOrganisation: true, now, ct);
        timeline.Record(household, EventTypes.MessageThreadStarted, $"Berichten gestart met {organisation}", data: new { organisatie = thread.OrganisationId, gesprek = thread.Id });
        var result = await db.SaveOrConflictAsync(thread.Id, ct);
        return await audit.AfterAsync(result, AuditResources.Message, householdId, null, $"berichten gestart met {organisation}", ct, AuditActions.Create);
    }
}
