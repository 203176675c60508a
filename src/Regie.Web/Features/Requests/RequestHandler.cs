using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Regie.Web.Features.Api;
using Regie.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Features.Trajectories;
using Regie.Web.Infrastructure;

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

public sealed class IntakeInput
{
    /// <summary>"personId:Domain" → "1".."5"; empty or absent is "not screened".</summary>
    [Description("Per \"persoonId:Leefgebied\" een score \"1\" tot en met \"5\"; weglaten of leeg is niet gescreend.")]
    [MapKeys(typeof(ZrmDomain)), OneOf(typeof(Zrm), nameof(Zrm.ScoreInputs))]
    public Dictionary<string, string?> Scores { get; set; } = [];
    public int Versie { get; set; }
}

public sealed class DecisionInput
{
    [Required, OneOf(typeof(TriageRoute))] public string? Route { get; set; }
    public string? Reden { get; set; }
    /// <summary>
    /// The team that takes the household, for a worker without a team of their own (the municipal desk)
    /// routing to the team a household no team holds yet. Ignored otherwise.
    /// </summary>
    public Guid? Team { get; set; }
    public int Versie { get; set; }
}

/// <summary>What a triage decision did: the trajectory the request joined (team route), and whether the worker still sees the file.</summary>
public sealed record TriageDecision(Guid HouseholdId, Guid? TrajectoryId, bool StillOpen);

public sealed record TeamChoice(Guid Id, string Naam);

public sealed record RequestPersonView(Guid PersonId, string Naam);

public sealed record RequestView(Guid Id, Guid HuishoudenId, string Huishouden, RequestSource Bron, string? BronToelichting, string Omschrijving,
    DateOnly Ontvangen, bool Maatwerk, RequestStatus Status, IReadOnlyList<RequestPersonView> Personen,
    IReadOnlyDictionary<(Guid PersonId, ZrmDomain Domain), int> Scores, DateOnly? IntakeOp, CaseClass? Klasse, TriageModel? Werkwijze,
    TriageRoute? Voorstel, string? Toelichting, TriageRoute? Besluit, string? Reden, DateTime? BeslotenOp, Guid? TrajectId, int Versie);

public sealed record OpenRequest(Guid Id, Guid HuishoudenId, string Huishouden, RequestSource Bron, DateOnly Ontvangen, RequestStatus Status, TriageRoute? Voorstel);

/// <summary>
/// A request for help from registration through the intake screen to the triage decision. The route
/// comes from the municipality's table (<see cref="TriageSettingsHandler"/>); the worker decides and a
/// decision for the team opens the household's trajectory.
/// </summary>
public sealed class RequestHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    TriageSettingsHandler settings, TrajectoryHandler trajectories, Involvements.InvolvementService involvements, TimeProvider clock)
{
    public const string SourceInvalidCode = "request-source-invalid";
    public const string DescriptionRequiredCode = "request-description-required";
    public const string PersonsRequiredCode = "request-persons-required";
    public const string DateInvalidCode = "request-date-invalid";
    public const string NotScreenedCode = "request-not-screened";
    public const string AlreadyDecidedCode = "request-already-decided";
    public const string RouteInvalidCode = "triage-route-invalid";
    public const string TeamRequiredCode = "triage-team-required";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<CommandResult<Guid>> RegisterAsync(RequestInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(input.HuishoudenId, FileWork.Change, ct) is { } refused) return refused;
        var errors = new ErrorList();
        var source = Enums.ParseDefined<RequestSource>(input.Bron);
        if (source is null) errors.Add(new DomainError(SourceInvalidCode, "Bron", "Kies wie de hulpvraag inbracht."));
        var detail = errors.Take(TextRules.Optional(input.BronToelichting, "BronToelichting", "de toelichting op de bron", HelpRequest.SourceDetailMaxLength));
        var description = errors.Take(TextRules.Optional(input.Omschrijving, "Omschrijving", "de omschrijving", HelpRequest.DescriptionMaxLength));
        if (description is null && !errors.Errors.Any(e => e.Field == "Omschrijving"))
            errors.Add(new DomainError(DescriptionRequiredCode, "Omschrijving", "Beschrijf kort waar het huishouden hulp bij vraagt."));
        var received = Today;
        if (!string.IsNullOrWhiteSpace(input.Ontvangen) && (!DutchDate.TryParse(input.Ontvangen, out received) || received > Today || received < Today.AddYears(-1)))
            errors.Add(new DomainError(DateInvalidCode, "Ontvangen", "Vul de datum van ontvangst in als dd-mm-jjjj: niet in de toekomst en niet ouder dan een jaar."));
        var members = await db.HouseholdMembers.Where(m => m.HouseholdId == input.HuishoudenId && m.Until == null).Select(m => m.PersonId).ToListAsync(ct);
        var persons = input.Personen.Distinct().ToList();
        if (persons.Count == 0 || persons.Any(p => !members.Contains(p)))
            errors.Add(new DomainError(PersonsRequiredCode, "Personen", "Kies om wie het gaat: een of meer leden van het huishouden."));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var household = await db.Households.FirstAsync(h => h.Id == input.HuishoudenId, ct);
        var request = new HelpRequest
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, Source = source!.Value, SourceDetail = detail,
            Description = description!, ReceivedOn = received, Maatwerk = input.Maatwerk, Status = RequestStatus.Ontvangen,
            RegisteredBy = user.ActorId, RegisteredAt = clock.GetUtcNow().UtcDateTime,
            Persons = persons.Select(p => new HelpRequestPerson { PersonId = p }).ToList(),
        };
        db.HelpRequests.Add(request);
        timeline.Record(household, EventTypes.RequestRegistered, $"Hulpvraag ontvangen via {RequestSources.Label(request.Source).ToLowerInvariant()}{(request.Maatwerk ? ", maatwerk gevraagd" : "")}",
            received, data: new { verzoek = request.Id, bron = request.Source.ToString(), maatwerk = request.Maatwerk });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(request.Id, ct), AuditResources.Request, household.Id, null, "hulpvraag geregistreerd", ct, AuditActions.Create);
    }

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

    /// <summary>Saves the screen and the suggested route under the table that applies today. The screen may be redone until the decision.</summary>
    public async Task<CommandResult<TriageSuggestion>> IntakeAsync(Guid id, IntakeInput input, CancellationToken ct)
    {
        var request = await db.HelpRequests.Include(x => x.Persons).Include(x => x.Scores).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (request is null) return CommandResult<TriageSuggestion>.NotFound("De hulpvraag");
        if (await access.RefuseAsync<TriageSuggestion>(request.HouseholdId, FileWork.Change, ct, "De hulpvraag") is { } refused) return refused;
        if (request.Status == RequestStatus.Besloten)
            return CommandResult<TriageSuggestion>.Invalid(new DomainError(AlreadyDecidedCode, "", "Over deze hulpvraag is al besloten."));
        var errors = new ErrorList();
        var scores = new List<HelpRequestScore>();
        foreach (var (key, value) in input.Scores)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var parts = key.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var person) || request.Persons.All(p => p.PersonId != person)
                || Enums.ParseDefined<ZrmDomain>(parts[1]) is not { } domain)
            {
                errors.Add(new DomainError(Zrm.ScoreInvalidCode, $"Scores[{key}]", "Deze score hoort niet bij een persoon en leefgebied van deze hulpvraag."));
                continue;
            }
            if (!int.TryParse(value, out var score) || !Zrm.IsScore(score))
            {
                errors.Add(new DomainError(Zrm.ScoreInvalidCode, $"Scores[{key}]", $"Kies bij {Zrm.Label(domain)} een score van 1 tot en met 5, of 'niet gescreend'."));
                continue;
            }
            scores.Add(new HelpRequestScore { RequestId = request.Id, PersonId = person, Domain = domain, Score = score });
        }
        if (errors.HasErrors) return CommandResult<TriageSuggestion>.Invalid(errors.Errors);
        if (request.Version != input.Versie) return CommandResult<TriageSuggestion>.Conflict();

        var table = await settings.CurrentAsync(ct);
        var suggestion = TriageRules.Suggest(table, scores.Select(x => (x.Domain, x.Score)), request.Maatwerk);
        db.Entry(request).Property(r => r.Version).OriginalValue = input.Versie;
        // A redone screen: keep rows that stay, change their score, drop what is no longer screened.
        foreach (var old in request.Scores.ToList())
        {
            var same = scores.FirstOrDefault(n => n.PersonId == old.PersonId && n.Domain == old.Domain);
            if (same is null) request.Scores.Remove(old);
            else old.Score = same.Score;
        }
        request.Scores.AddRange(scores.Where(n => !request.Scores.Any(o => o.PersonId == n.PersonId && o.Domain == n.Domain)));
        request.Status = RequestStatus.IntakeGedaan;
        request.IntakeOn = Today;
        request.IntakeBy = user.ActorId;
        request.CaseClass = suggestion.Class;
        request.ModelAtIntake = table.Model;
        request.SuggestedRoute = suggestion.Route;
        request.Suggestion = Text.Truncate(suggestion.Explanation, HelpRequest.SuggestionMaxLength);
        var household = await db.Households.FirstAsync(h => h.Id == request.HouseholdId, ct);
        timeline.Record(household, EventTypes.RequestScreened,
            $"Intake: {TriageRules.Label(suggestion.Class)}; voorgestelde route {TriageRoutes.Label(suggestion.Route).ToLowerInvariant()}",
            data: new { verzoek = request.Id, klasse = suggestion.Class.ToString(), voorstel = suggestion.Route.ToString(), werkwijze = table.Model.ToString(), leefgebieden = suggestion.ConcernDomains.Select(d => d.ToString()) });
        var result = await db.SaveOrConflictAsync(suggestion, ct);
        return await audit.AfterAsync(result, AuditResources.Request, request.HouseholdId, null, "intake", ct);
    }

    /// <summary>
    /// The worker's decision. For the team: the household's trajectory opens (or the request joins the open one),
    /// and a household no team holds yet becomes the deciding worker's team's — or, for a worker without a team
    /// (the municipal desk), the team they name.
    /// </summary>
    public async Task<CommandResult<TriageDecision>> DecideAsync(Guid id, DecisionInput input, CancellationToken ct)
    {
        var request = await db.HelpRequests.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (request is null) return CommandResult<TriageDecision>.NotFound("De hulpvraag");
        // The route decides who holds the file: the holding team's (or, for a file nobody holds, the care roles').
        if (await access.RefuseAsync<TriageDecision>(request.HouseholdId, FileWork.Hold, ct, "De hulpvraag") is { } refused) return refused;
        if (request.Status == RequestStatus.Besloten)
            return CommandResult<TriageDecision>.Invalid(new DomainError(AlreadyDecidedCode, "", "Over deze hulpvraag is al besloten."));
        if (request.SuggestedRoute is not { } suggested)
            return CommandResult<TriageDecision>.Invalid(new DomainError(NotScreenedCode, "", "Doe eerst de intake met de screening; dan volgt een voorstel voor de route."));
        var errors = new ErrorList();
        var route = Enums.ParseDefined<TriageRoute>(input.Route);
        if (route is null) errors.Add(new DomainError(RouteInvalidCode, "Route", "Kies de route."));
        else TriageRules.CheckDecision(suggested, route.Value, input.Reden, errors);
        var reason = errors.Take(TextRules.Optional(input.Reden, "Reden", "de reden", HelpRequest.DecisionReasonMaxLength));

        var household = await db.Households.FirstAsync(h => h.Id == request.HouseholdId, ct);
        var open = route == TriageRoute.Wijkteam ? await db.Trajectories.FirstOrDefaultAsync(t => t.HouseholdId == household.Id && t.ClosedOn == null, ct) : null;
        Guid? namedTeam = null;
        if (route == TriageRoute.Wijkteam && open is null && household.ResponsibleTeamId is null && user.TeamId is null)
        {
            // Nobody holds the file and the worker has no team: without a named team the trajectory would belong to no one.
            if (input.Team is { } teamId && await db.Teams.AnyAsync(t => t.Id == teamId, ct)) namedTeam = teamId;
            else errors.Add(new DomainError(TeamRequiredCode, "Team", "Kies het wijkteam dat de hulpvraag oppakt."));
        }
        if (errors.HasErrors) return CommandResult<TriageDecision>.Invalid(errors.Errors);
        if (request.Version != input.Versie) return CommandResult<TriageDecision>.Conflict();

        db.Entry(request).Property(x => x.Version).OriginalValue = input.Versie;
        request.Status = RequestStatus.Besloten;
        request.DecidedRoute = route;
        request.DecisionReason = reason;
        request.DecidedBy = user.ActorId;
        request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        if (route == TriageRoute.Wijkteam)
        {
            if (namedTeam is not null) household.ResponsibleTeamId = namedTeam;
            request.TrajectoryId = (open ?? trajectories.Open(household, request.Id, "Traject gestart na de intake: het wijkteam neemt de hulpvraag op")).Id;
            // Routed to a team: the desk hands the household over, and its grant ends with that.
            if (household.ResponsibleTeamId is not null) await access.EndDeskGrantsAsync(household.Id, ct);
            await involvements.SyncTeamAsync(household, closing: false, ct);
        }
        timeline.Record(household, EventTypes.RequestTriaged,
            $"Route besloten: {TriageRoutes.Label(route!.Value).ToLowerInvariant()}" + (route != suggested ? $" (voorstel was {TriageRoutes.Label(suggested).ToLowerInvariant()})" : ""),
            data: new { verzoek = request.Id, route = route.ToString(), voorstel = suggested.ToString(), afwijkend = route != suggested, werkwijze = request.ModelAtIntake?.ToString() });
        var result = await db.SaveOrConflictAsync(request.TrajectoryId, ct);
        result = await audit.AfterAsync(result, AuditResources.Request, household.Id, null, $"route {route}", ct);
        if (!result.IsOk) return new CommandResult<TriageDecision>(result.Status, null, result.Errors);
        // A desk worker who hands the household to a team no longer sees its file.
        return CommandResult<TriageDecision>.Ok(new TriageDecision(household.Id, result.Value, await access.CanOpenAsync(household.Id, ct)));
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

    public const int MaxOpenListed = 500;

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
