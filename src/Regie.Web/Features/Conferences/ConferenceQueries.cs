using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Referrals;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Conferences;

/// <summary>
/// The household's conferences and who may be invited to one. For the care roles that may open the file (emergency access
/// reads too); every read is audited. A conference of another household reads as not found.
/// </summary>
public sealed class ConferenceQueries(RegieDbContext db, FileAccessService access, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<IReadOnlyList<ConferenceSummary>>> ListAsync(Guid householdId, CancellationToken ct)
    {
        if (await access.RefuseAsync<IReadOnlyList<ConferenceSummary>>(householdId, FileWork.Read, ct) is { } refused) return refused;
        var rows = await db.Conferences.AsNoTracking().Where(c => c.HouseholdId == householdId).OrderByDescending(c => c.StartsAt)
            .Select(c => new ConferenceSummary(c.Id, c.Kind, c.Status, c.StartsAt, c.EndsAt, c.Place, c.Link != null, c.OrganiserName,
                db.ConferenceInvitees.Count(i => i.ConferenceId == c.Id)))
            .ToListAsync(ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Conference, householdId, detail: $"overleggen ({rows.Count})", ct: ct);
        return CommandResult<IReadOnlyList<ConferenceSummary>>.Ok(rows);
    }

    public async Task<CommandResult<ConferenceView>> GetAsync(Guid householdId, Guid conferenceId, CancellationToken ct)
    {
        if (await access.RefuseAsync<ConferenceView>(householdId, FileWork.Read, ct, "Het overleg") is { } refused) return refused;
        var c = await db.Conferences.AsNoTracking().FirstOrDefaultAsync(x => x.Id == conferenceId && x.HouseholdId == householdId, ct);
        if (c is null) return CommandResult<ConferenceView>.NotFound("Het overleg");
        c.Load(await db.ConferenceInvitees.AsNoTracking().Where(i => i.ConferenceId == c.Id).ToListAsync(ct),
            await db.ConferenceDecisions.AsNoTracking().Where(d => d.ConferenceId == c.Id).ToListAsync(ct));
        var ids = c.Decisions.Select(d => d.Id).ToList();
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.DecisionId != null && ids.Contains(g.DecisionId.Value))
            .Select(g => new { g.Id, DecisionId = g.DecisionId!.Value, g.Wat }).ToListAsync(ct);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.DecisionId != null && ids.Contains(a.DecisionId.Value))
            .Select(a => new { a.Id, DecisionId = a.DecisionId!.Value, a.Omschrijving }).ToListAsync(ct);
        var inPlan = goals.Select(g => (g.DecisionId, Item: new PlanItemFromDecision("Doel", g.Id, g.Wat)))
            .Concat(actions.Select(a => (a.DecisionId, Item: new PlanItemFromDecision("Actie", a.Id, a.Omschrijving))))
            .ToLookup(x => x.DecisionId, x => x.Item);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Conference, householdId, detail: $"overleg {c.Id}", ct: ct);
        return CommandResult<ConferenceView>.Ok(View(c, inPlan));
    }

    public static ConferenceView View(Conference c, ILookup<Guid, PlanItemFromDecision>? inPlan = null) => new(c.Id, c.HouseholdId, c.Kind, c.Status, c.StartsAt,
        c.EndsAt, c.Place, c.Link, c.OrganiserName, c.Sequence, c.Minutes, c.CancelReason, c.AgreedPlanVersion,
        c.Invitees.Select(i => new InviteeView(i.Id, i.Kind, i.ReferenceId, i.Name, i.Email, i.Attendance)).ToList(),
        c.Decisions.Select(d => new DecisionView(d.Id, d.Text, inPlan?[d.Id].ToList() ?? [])).ToList(), c.Version);

    /// <summary>
    /// A decision of a held conference of this household, for a goal or action taken from it; null when the id is not one of
    /// them (another household's decision, one replaced by newer minutes). Not audited on its own: the plan page or the change
    /// that asks is.
    /// </summary>
    public async Task<DecisionSource?> DecisionAsync(Guid householdId, Guid decisionId, CancellationToken ct) =>
        await db.ConferenceDecisions.AsNoTracking().Where(d => d.Id == decisionId && d.HouseholdId == householdId)
            .Join(db.Conferences.Where(c => c.HouseholdId == householdId && c.Status == ConferenceStatus.Gehouden), d => d.ConferenceId, c => c.Id,
                (d, c) => new DecisionSource(d.Id, c.Id, c.Kind, c.StartsAt, d.Text))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Who may be invited: the members who live in the household now, the current members of its network, the professionals of the active involvements of those
    /// members (with their contact), and the organisations of the household's open referrals. Not audited on its own: it is
    /// part of planning a conference, whose page or command is.
    /// </summary>
    public async Task<IReadOnlyList<InviteeOption>> OptionsAsync(Guid householdId, CancellationToken ct)
    {
        var members = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == householdId && m.Until == null)
            .OrderBy(m => m.Person!.Geboortedatum)
            .Select(m => new { m.PersonId, m.Person!.Bsn, m.Person.Voornamen, m.Person.Voorvoegsel, m.Person.Achternaam, m.Person.Email }).ToListAsync(ct);
        var options = members.Select(m => new InviteeOption(InviteeKind.Huishoudlid, m.PersonId, new PersonName(m.Voornamen, m.Voorvoegsel, m.Achternaam).FullName, m.Email)).ToList();
        var bsns = members.Where(m => m.Bsn != null).Select(m => m.Bsn!).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var involvements = await db.Involvements.AsNoTracking().Where(i => i.EndedOn == null && i.ExpiresOn >= today && bsns.Contains(i.Bsn))
            .Select(i => new
            {
                i.Id, i.ContactName, i.ContactEmail,
                Name = i.OrganisationId != null ? db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => o.Name).FirstOrDefault()
                    : db.Teams.Where(t => t.Id == i.TeamId).Select(t => t.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        // One option per party and contact: a party registered for two members is one invitee.
        var network = await db.NetworkMembers.AsNoTracking().Where(n => n.HouseholdId == householdId && n.Until == null).OrderBy(n => n.Name)
            .Select(n => new { n.Id, n.Name, n.Email }).ToListAsync(ct);
        options.AddRange(network.Select(n => new InviteeOption(InviteeKind.Netwerklid, n.Id, n.Name, n.Email)));
        options.AddRange(involvements.GroupBy(i => (i.Name, i.ContactName, i.ContactEmail)).Select(g => g.OrderBy(i => i.Id).First())
            .Select(i => new InviteeOption(InviteeKind.Betrokkene, i.Id, $"{i.ContactName} ({i.Name ?? "?"})", i.ContactEmail))
            .OrderBy(o => o.Naam, StringComparer.Ordinal));
        ReferralStatus[] open = [ReferralStatus.Verstuurd, ReferralStatus.Geaccepteerd, ReferralStatus.Gestart];
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.HouseholdId == householdId && open.Contains(r.Status))
            .Select(r => new { r.Id, r.ProviderName, Email = db.Organisations.Where(o => o.Id == r.ProviderOrganisationId).Select(o => o.Email).FirstOrDefault() })
            .ToListAsync(ct);
        options.AddRange(referrals.GroupBy(r => r.ProviderName).Select(g => g.OrderBy(r => r.Id).First())
            .Select(r => new InviteeOption(InviteeKind.Verwijzing, r.Id, r.ProviderName, r.Email)).OrderBy(o => o.Naam, StringComparer.Ordinal));
        return options;
    }
}
