using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Requests;

public sealed record TeamChoice(Guid Id, string Naam);

public sealed record RequestPersonView(Guid PersonId, string Naam);

public sealed record RequestView(Guid Id, Guid HuishoudenId, string Huishouden, RequestSource Bron, string? BronToelichting, string Omschrijving,
    DateOnly Ontvangen, bool Maatwerk, RequestStatus Status, IReadOnlyList<RequestPersonView> Personen,
    IReadOnlyDictionary<(Guid PersonId, ZrmDomain Domain), int> Scores, DateOnly? IntakeOp, CaseClass? Klasse, TriageModel? Werkwijze,
    TriageRoute? Voorstel, string? Toelichting, TriageRoute? Besluit, string? Reden, DateTime? BeslotenOp, Guid? TrajectId, int Versie);

public sealed record OpenRequest(Guid Id, Guid HuishoudenId, string Huishouden, RequestSource Bron, DateOnly Ontvangen, RequestStatus Status, TriageRoute? Voorstel);

/// <summary>Reads of requests for help: one request, a household's, the open intake queue, and the teams to route to.</summary>
public sealed class RequestQueries(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit)
{
    public const int MaxOpenListed = 500;

    public async Task<RequestView?> GetAsync(Guid id, CancellationToken ct)
    {
        var r = await db.HelpRequests.AsNoTracking().Include(x => x.Persons).Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !access.IsCareRole || !await access.CanOpenAsync(r.HouseholdId, ct)) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Request, r.HouseholdId, detail: "hulpvraag", ct: ct);
        var name = await db.Households.Where(h => h.Id == r.HouseholdId).Select(h => h.Naam).FirstAsync(ct);
        var ids = r.Persons.Select(p => p.PersonId).ToList();
        var people = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Geboortedatum)
            .Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam }).ToListAsync(ct);
        return new RequestView(r.Id, r.HouseholdId, name, r.Source, r.SourceDetail, r.Description, r.ReceivedOn, r.Maatwerk, r.Status,
            people.Select(p => new RequestPersonView(p.Id, new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName)).ToList(),
            r.Scores.ToDictionary(s => (s.PersonId, s.Domain), s => s.Score), r.IntakeOn, r.CaseClass, r.ModelAtIntake, r.SuggestedRoute, r.Suggestion,
            r.DecidedRoute, r.DecisionReason, r.DecidedAt, r.TrajectoryId, r.Version);
    }

    /// <summary>The teams to choose from when this worker routes this household to the team; empty when no choice is needed.</summary>
    public async Task<IReadOnlyList<TeamChoice>> TeamChoicesAsync(Guid householdId, CancellationToken ct)
    {
        if (user.TeamId is not null || await db.Households.AnyAsync(h => h.Id == householdId && h.ResponsibleTeamId != null, ct)) return [];
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamChoice(t.Id, t.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<OpenRequest>> ForHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return [];
        return await db.HelpRequests.AsNoTracking().Where(r => r.HouseholdId == householdId).OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.RegisteredAt)
            .Select(r => new OpenRequest(r.Id, r.HouseholdId, "", r.Source, r.ReceivedOn, r.Status, r.SuggestedRoute)).ToListAsync(ct);
    }

    /// <summary>Requests without a decision yet, oldest first: the intake queue of the municipality's care roles.</summary>
    public async Task<IReadOnlyList<OpenRequest>> OpenAsync(CancellationToken ct)
    {
        if (!access.IsCareRole) return [];
        var open = db.HelpRequests.AsNoTracking().Where(r => r.Status != RequestStatus.Besloten);
        if (!access.IsSystem)
        {
            // Narrow to the files this worker may open before taking the oldest, so other teams' requests never crowd out their own;
            // the access rules below still decide each one.
            var team = user.TeamId;
            var granted = access.GrantedHouseholdIds();
            open = open.Where(r => db.Households.Any(h => h.Id == r.HouseholdId && (h.ResponsibleTeamId == null || h.ResponsibleTeamId == team))
                || granted.Contains(r.HouseholdId));
        }
        var rows = await open.OrderBy(r => r.ReceivedOn).ThenBy(r => r.RegisteredAt).Take(MaxOpenListed)
            .Select(r => new OpenRequest(r.Id, r.HouseholdId, db.Households.Where(h => h.Id == r.HouseholdId).Select(h => h.Naam).First(), r.Source, r.ReceivedOn, r.Status, r.SuggestedRoute))
            .ToListAsync(ct);
        var decisions = await access.DecideManyAsync(rows.Select(r => r.HuishoudenId).Distinct().ToList(), ct);
        var shown = rows.Where(r => decisions.GetValueOrDefault(r.HuishoudenId) != Domain.Access.FileAccessLevel.Denied).ToList();
        await audit.RecordListAsync(AuditResources.Request, $"open hulpvragen ({shown.Count})", shown.Select(r => ((Guid?)r.HuishoudenId, (Guid?)null)), ct);
        return shown;
    }
}
