using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Network;

/// <summary>One party on the eco-map outside the household: someone from the network, or an organisation or team involved.</summary>
public sealed record EcoMapParty(string Naam, string Soort, string Toelichting, bool IsNetwerk);

/// <summary>The household's circle at a glance: its members in the middle, the network and the organisations involved around it.</summary>
public sealed record EcoMap(string HouseholdNaam, IReadOnlyList<string> Leden, IReadOnlyList<EcoMapParty> Partijen);

/// <summary>
/// The household's network, and its eco-map. Part of the care file: for the care roles who may open the file (partners and
/// other teams or municipalities see nothing, not even whether it exists). Every read is one audit entry.
/// </summary>
public sealed class NetworkQueries(RegieDbContext db, FileAccessService access, AuditLog audit, Involvements.HouseholdInvolvements involvements)
{
    public async Task<NetworkView?> GetAsync(Guid householdId, CancellationToken ct, string? auditDetail = null)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return null;
        var name = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.Naam).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Network, householdId, detail: auditDetail, ct: ct);
        var rows = await db.NetworkMembers.AsNoTracking().Where(n => n.HouseholdId == householdId).OrderBy(n => n.From).ThenBy(n => n.CreatedAt).ToListAsync(ct);
        var views = rows.Select(View).ToList();
        return new NetworkView(householdId, name, views.Where(v => v.Tot is null).ToList(), views.Where(v => v.Tot is not null).OrderByDescending(v => v.Tot).ToList());
    }

    /// <summary>The network with the household's members and the organisations involved (what the involvement register shows this user).</summary>
    public async Task<(NetworkView Network, EcoMap Map)?> EcoMapAsync(Guid householdId, CancellationToken ct)
    {
        if (await GetAsync(householdId, ct, "netwerk en ecogram") is not { } network) return null;
        var members = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == householdId && m.Until == null)
            .OrderBy(m => m.Person!.Geboortedatum)
            .Select(m => new { m.Person!.Voornamen, m.Person.Voorvoegsel, m.Person.Achternaam }).ToListAsync(ct);
        var involved = (await involvements.ForHouseholdAsync(householdId, ct)).Where(p => p.BeeindigdOp is null);
        var parties = network.Huidig
            .Select(n => new EcoMapParty(n.Naam, NetworkRelations.Label(n.Relatie), n.RolInPlan, true))
            .Concat(involved.Select(p => new EcoMapParty(p.Naam, p.IsTeam ? "Team" : "Organisatie", "Betrokken bij " + string.Join(", ", p.Voor), false)))
            .ToList();
        return (network, new EcoMap(network.HouseholdNaam, members.Select(m => new PersonName(m.Voornamen, m.Voorvoegsel, m.Achternaam).FullName).ToList(), parties));
    }

    /// <summary>
    /// The current network of the household by name: who an action in its plan may be carried out by. Everyone in it
    /// has the household's consent (nobody is added without it); an ended member is not in it.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> CurrentAsync(RegieDbContext db, Guid householdId, CancellationToken ct) =>
        await db.NetworkMembers.AsNoTracking().Where(n => n.HouseholdId == householdId && n.Until == null).OrderBy(n => n.Name)
            .ToDictionaryAsync(n => n.Id, n => n.Name, ct);

    /// <summary>Who may give the household's consent: its current members. Only for a page that read the network (and so checked access) first.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> ConsentGiversAsync(Guid householdId, CancellationToken ct) =>
        Plans.PlanVersions.CurrentMembersAsync(db, householdId, ct);

    private static NetworkMemberView View(NetworkMember n) =>
        new(n.Id, n.Name, n.Relation, n.Phone, n.Email, n.RoleInPlan, n.ConsentOn, n.ConsentBy, n.ConsentByName, n.From, n.Until, n.Version);
}
