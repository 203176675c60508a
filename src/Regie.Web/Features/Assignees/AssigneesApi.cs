using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Assignees;

/// <summary>A professional or team lead someone can assign: as coordinator, plan action owner or deliverer of light support. No contact details: assigning needs none.</summary>
public sealed record StaffMemberDto(string Id, string Naam, string Rol, Guid? TeamId, string? Team);
public sealed record TeamDto(Guid Id, string Naam, string? Wijk);
/// <summary>Soort: "afdeling" (a department of the municipality) or "partner" (a partner or provider).</summary>
public sealed record OrganisationDto(Guid Id, string Naam, string Soort);

/// <summary>
/// The ids the writes of the API ask for: staff (coordinator, plan action, light support), teams and organisations
/// (light support, referral). Only the caller's municipality (the query filters on Teams and Organisations; staff by
/// Gemeentecode), and every list read is on the audit trail.
/// </summary>
public sealed class AssigneeQueries(RegieDbContext db, CurrentUser user, AuditLog audit)
{
    /// <summary>The roles that can be assigned work: coordinator (professional, team lead), plan action and light support (also the desk).</summary>
    public static readonly string[] AssignableRoles = [Roles.Professional, Roles.Teamleider, Roles.Consulent];

    /// <summary>
    /// The municipality's staff with one of <paramref name="roles"/>, optionally of one team or only the one with id
    /// <paramref name="only"/>, by name. Not audited: the lists pages and handlers build from.
    /// </summary>
    public async Task<IReadOnlyList<StaffMemberDto>> ListAsync(IReadOnlyCollection<string> roles, Guid? team, CancellationToken ct, string? only = null)
    {
        var gemeente = user.Gemeentecode;
        var roleRows = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var roleIds = roleRows.Select(r => r.Id).ToList();
        // Plain joins: a correlated subquery per row needs SQL APPLY, which SQLite does not have.
        var rows = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                where u.Gemeentecode == gemeente && (team == null || u.TeamId == team) && (only == null || u.Id == only) && roleIds.Contains(ur.RoleId)
                join t in db.Teams on u.TeamId equals t.Id into teams
                from t in teams.DefaultIfEmpty()
                orderby u.DisplayName, u.Id
                select new { u.Id, u.DisplayName, ur.RoleId, u.TeamId, Team = t == null ? null : t.Name })
            .ToListAsync(ct);
        return rows.DistinctBy(r => r.Id).Select(r => new StaffMemberDto(r.Id, r.DisplayName, roleRows.First(x => x.Id == r.RoleId).Name!, r.TeamId, r.Team)).ToList();
    }

    /// <summary>The API's staff list: everyone work can be assigned to, on the audit trail.</summary>
    public async Task<IReadOnlyList<StaffMemberDto>> StaffAsync(Guid? team, CancellationToken ct)
    {
        var staff = await ListAsync(AssignableRoles, team, ct);
        await audit.RecordAsync(AuditActions.Search, AuditResources.Staff, detail: team is null ? "lijst medewerkers" : $"lijst medewerkers van team {team}", ct: ct);
        return staff;
    }

    public async Task<IReadOnlyList<TeamDto>> TeamsAsync(CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamDto(t.Id, t.Name, t.Wijk)).ToListAsync(ct);
        await audit.RecordAsync(AuditActions.Search, AuditResources.Team, detail: "lijst teams", ct: ct);
        return teams;
    }

    public async Task<IReadOnlyList<OrganisationDto>> OrganisationsAsync(CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new OrganisationDto(o.Id, o.Name, o.Kind)).ToListAsync(ct);
        await audit.RecordAsync(AuditActions.Search, AuditResources.Organisation, detail: "lijst organisaties", ct: ct);
        return organisations;
    }
}

public static class AssigneesApi
{
    public static void MapAssigneesApi(this RouteGroupBuilder api)
    {
        // The care roles assign coordinators, plan action owners, light support and referrals; nobody else needs these lists.
        var g = api.MapGroup("").WithTags("Medewerkers, teams en organisaties").RequireAuthorization(Policies.Care);
        g.MapGet("/staff", async (Guid? team, AssigneeQueries queries, CancellationToken ct) => Results.Ok(await queries.StaffAsync(team, ct)))
            .Produces<IReadOnlyList<StaffMemberDto>>()
            .WithName("GetStaff").WithSummary("Wijkteammedewerkers, teamleiders en consulenten van de gemeente (id, naam, rol, team), eventueel van één team (?team=id): de medewerkerId die een actie in het plan en lichte ondersteuning vragen; de regisseurId is een professional of teamleider.");
        g.MapGet("/teams", async (AssigneeQueries queries, CancellationToken ct) => Results.Ok(await queries.TeamsAsync(ct)))
            .Produces<IReadOnlyList<TeamDto>>()
            .WithName("GetTeams").WithSummary("De teams van de gemeente (id, naam, wijk).");
        g.MapGet("/organisations", async (AssigneeQueries queries, CancellationToken ct) => Results.Ok(await queries.OrganisationsAsync(ct)))
            .Produces<IReadOnlyList<OrganisationDto>>()
            .WithName("GetOrganisations").WithSummary("Afdelingen, partners en aanbieders van de gemeente (id, naam, soort): de organisatieId die lichte ondersteuning en een verwijzing vragen.");
    }
}
