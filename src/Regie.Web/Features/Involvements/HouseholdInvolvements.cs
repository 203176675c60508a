using Microsoft.EntityFrameworkCore;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;

namespace Regie.Web.Features.Involvements;

/// <summary>One party involved with (members of) the household: who, for whom, since when and how to reach them; never the concern.</summary>
/// <param name="Voor">The members it is involved with, by name.</param>
/// <param name="BeeindigdOp">Set for a recently ended involvement.</param>
public sealed record InvolvedParty(string Naam, bool IsTeam, IReadOnlyList<string> Voor, DateOnly Sinds, string? Contactpersoon, string? Telefoon, string? Email,
    DateOnly? BeeindigdOp);

/// <summary>
/// "Wie is er nog meer betrokken?" on the household's own file: everyone registered for its current members,
/// the team's own registration included, and what ended in the last <see cref="RecentlyEndedDays"/> days. Part of
/// the file (its read is the page's audit entry), so for those who may open it and work in files.
/// </summary>
public sealed class HouseholdInvolvements(RegieDbContext db, FileAccessService access, TimeProvider clock)
{
    public const int RecentlyEndedDays = 90;

    public async Task<IReadOnlyList<InvolvedParty>> ForHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return [];
        var members = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == householdId && m.Until == null && m.Person!.Bsn != null)
            .Select(m => new { m.Person!.Bsn, m.Person.Voornamen, m.Person.Voorvoegsel, m.Person.Achternaam }).ToListAsync(ct);
        var names = members.ToDictionary(m => m.Bsn!, m => new PersonName(m.Voornamen, m.Voorvoegsel, m.Achternaam).FullName);
        if (names.Count == 0) return [];
        var bsns = names.Keys.ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var since = today.AddDays(-RecentlyEndedDays);
        var rows = await db.Involvements.AsNoTracking()
            .Where(Involvement.ActiveSince(since)).Where(i => bsns.Contains(i.Bsn))
            .Select(i => new
            {
                i.Bsn, i.OrganisationId, i.TeamId, i.StartedOn, i.ContactName, i.ContactPhone, i.ContactEmail, i.EndedOn, i.ExpiresOn,
                Name = i.OrganisationId != null ? db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => o.Name).FirstOrDefault()
                    : db.Teams.Where(t => t.Id == i.TeamId).Select(t => t.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        // One line per party and contact: the team registers itself for every member, which is one involvement to the reader.
        return rows
            .Select(r => new
            {
                r.Bsn, r.OrganisationId, r.TeamId, r.StartedOn, r.ContactName, r.ContactPhone, r.ContactEmail, r.Name,
                Ended = Involvement.EndedAsOf(r.EndedOn, r.ExpiresOn, today)
            })
            .GroupBy(r => (r.OrganisationId, r.TeamId, r.ContactName, r.ContactPhone, r.ContactEmail, r.Ended))
            .Select(g => new InvolvedParty(g.First().Name ?? "?", g.Key.TeamId is not null, g.Select(r => names[r.Bsn]).Distinct().Order(StringComparer.Ordinal).ToList(),
                g.Min(r => r.StartedOn), g.Key.ContactName, g.Key.ContactPhone, g.Key.ContactEmail, g.Key.Ended))
            .OrderBy(p => p.BeeindigdOp is not null).ThenByDescending(p => p.IsTeam).ThenBy(p => p.Naam, StringComparer.Ordinal).ToList();
    }
}
