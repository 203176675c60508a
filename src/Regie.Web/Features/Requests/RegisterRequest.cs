using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Requests;

public sealed class RequestInput
{
    public Guid HuishoudenId { get; set; }
    [Required, OneOf(typeof(RequestSource))] public string? Bron { get; set; }
    public string? BronToelichting { get; set; }
    [Required] public string? Omschrijving { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Ontvangen { get; set; }
    public bool Maatwerk { get; set; }
    [Required, Description("Leden van het huishouden om wie het gaat (minstens één).")] public List<Guid> Personen { get; set; } = [];
}

/// <summary>Registers a request for help: who brought it in, about which members, and whether custom support is asked for.</summary>
public sealed class RegisterRequestHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(RequestInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(input.HuishoudenId, FileWork.Change, ct) is { } refused) return refused;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ErrorList();
        var source = HelpRequest.ParseSource(input.Bron, errors);
        var detail = errors.Take(TextRules.Optional(input.BronToelichting, "BronToelichting", "de toelichting op de bron", HelpRequest.SourceDetailMaxLength));
        var description = HelpRequest.CheckDescription(input.Omschrijving, errors);
        var received = HelpRequest.CheckReceived(input.Ontvangen, today, errors);
        var members = await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.HouseholdId == input.HuishoudenId).Select(m => m.PersonId).ToListAsync(ct);
        var persons = input.Personen.Distinct().ToList();
        HelpRequest.CheckPersons(persons, members, errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var household = await db.Households.FirstAsync(h => h.Id == input.HuishoudenId, ct);
        var request = HelpRequest.Register(household.Gemeentecode, household.Id, source!.Value, detail, description!, received, input.Maatwerk, persons, user.ActorId,
            clock.GetUtcNow().UtcDateTime);
        db.HelpRequests.Add(request);
        timeline.Record(household, EventTypes.RequestRegistered, $"Hulpvraag ontvangen via {RequestSources.Label(request.Source).ToLowerInvariant()}{(request.Maatwerk ? ", maatwerk gevraagd" : "")}",
            received, data: new { verzoek = request.Id, bron = request.Source.ToString(), maatwerk = request.Maatwerk });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(request.Id, ct), AuditResources.Request, household.Id, null, "hulpvraag geregistreerd", ct, AuditActions.Create);
    }
}
