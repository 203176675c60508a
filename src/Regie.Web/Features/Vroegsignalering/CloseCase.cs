using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>
/// Closes a vroegsignaalzaak with its DDAS outcome. "Vervolghulp" opens a request for help (hulpvraag) for the household in the
/// same transaction, with the case linked, so triage and the plan follow as for any request; the coordinator, if the household
/// has one, is told in the inbox. The timeline says the case closed and how, never the amounts.
/// </summary>
public sealed class CloseCaseHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<CloseCaseAnswer>> HandleAsync(Guid caseId, CloseCaseInput input, CancellationToken ct)
    {
        var zaak = await db.Vroegsignaalzaken.FirstOrDefaultAsync(z => z.Id == caseId, ct);
        if (zaak is null) return CommandResult<CloseCaseAnswer>.NotFound("De vroegsignaalzaak");
        var attempts = await db.Contactpogingen.AsNoTracking().Where(p => p.ZaakId == caseId).Select(p => p.Bereikt).ToListAsync(ct);
        var errors = new ErrorList();
        if (!zaak.IsOpen) errors.Add(new DomainError(Vroegsignaalzaak.ClosedCode, "Resultaat", "Deze vroegsignaalzaak is al afgesloten."));
        var resultaat = CaseRules.CheckClosing(input.Resultaat, attempts.Count, attempts.Count(b => b), errors);
        var note = errors.Take(TextRules.Optional(input.Toelichting, "Toelichting", "de toelichting", CaseRules.NoteMaxLength));
        var requestText = errors.Take(TextRules.Optional(input.Hulpvraag, "Hulpvraag", "de hulpvraag", CaseRules.RequestTextMaxLength));
        if (errors.HasErrors) return CommandResult<CloseCaseAnswer>.Invalid(errors.Errors);
        if (input.Versie != zaak.Version) return CommandResult<CloseCaseAnswer>.Conflict();

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var signals = await db.Vroegsignalen.Where(s => s.ZaakId == caseId).ToListAsync(ct);
        zaak.Close(resultaat!.Value, note, signals, user.ActorId, user.ActorName, now);
        db.Entry(zaak).Property(z => z.Version).OriginalValue = input.Versie.Value;
        var household = zaak.HouseholdId is { } hid ? await db.Households.FirstOrDefaultAsync(h => h.Id == hid, ct) : null;
        HelpRequest? request = null;
        if (household is not null)
        {
            if (DdasCodes.IsVervolghulp(resultaat.Value))
                request = await OpenRequestAsync(zaak, household, signals, requestText, today, now, ct);
            timeline.Record(household, EventTypes.EarlySignalCaseClosed, $"Vroegsignaalzaak afgesloten: {DdasCodes.Label(resultaat.Value)}", today,
                data: new { zaak = zaak.Id, uitkomst = resultaat.Value.ToString(), verzoek = request?.Id });
        }
        var saved = await db.SaveOrConflictAsync(new CloseCaseAnswer(resultaat.Value, request?.Id, input.Versie.Value + 1), ct);
        if (saved.IsOk && request is not null)
            await audit.RecordAsync(AuditActions.Create, AuditResources.Request, household!.Id, detail: $"hulpvraag {request.Id} uit vroegsignaalzaak {zaak.Id}", ct: ct);
        return await audit.AfterAsync(saved, AuditResources.EarlySignalCase, zaak.HouseholdId, null,
            $"vroegsignaalzaak {zaak.Id} afgesloten: {DdasCodes.Label(resultaat.Value)}", ct);
    }

    /// <summary>
    /// The request for help after "Vervolghulp": about the members the signals were matched to (or, when none is a member any
    /// more, the household's current members), from the source Vroegsignaal, with the case linked.
    /// </summary>
    private async Task<HelpRequest> OpenRequestAsync(Vroegsignaalzaak zaak, Household household, IReadOnlyList<Vroegsignaal> signals, string? text, DateOnly today, DateTime now,
        CancellationToken ct)
    {
        var members = await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.HouseholdId == household.Id).Select(m => m.PersonId).ToListAsync(ct);
        var matched = signals.Where(s => s.PersonId is { } p && members.Contains(p)).Select(s => s.PersonId!.Value).Distinct().ToList();
        var partners = string.Join(", ", signals.Select(s => s.PartnerName).Distinct());
        var description = text ?? $"Vervolghulp na vroegsignalering: betalingsachterstand gemeld door {partners}.";
        var request = HelpRequest.Register(household.Gemeentecode, household.Id, RequestSource.Vroegsignaal,
            Text.Truncate($"Vroegsignaal van {partners}", HelpRequest.SourceDetailMaxLength), description, today, false, matched.Count > 0 ? matched : members,
            user.ActorId, now);
        db.HelpRequests.Add(request);
        zaak.LinkRequest(request.Id);
        timeline.Record(household, EventTypes.RequestRegistered, $"Hulpvraag ontvangen via {RequestSources.Label(RequestSource.Vroegsignaal).ToLowerInvariant()}", today,
            data: new { verzoek = request.Id, bron = request.Source.ToString(), maatwerk = false });
        if (household.CoordinatorId is { } coordinator)
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, UserId = coordinator, HouseholdId = household.Id, CreatedAt = now,
                Title = "Vervolghulp na vroegsignalering: nieuwe hulpvraag bij een huishouden dat u regisseert",
                Body = $"{user.ActorName} (vroegsignalering) heeft een vroegsignaalzaak afgesloten met vervolghulp; de hulpvraag staat klaar voor triage.",
            });
        return request;
    }
}
