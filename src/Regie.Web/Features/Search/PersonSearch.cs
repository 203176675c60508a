using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using System.Text.RegularExpressions;

namespace Regie.Web.Features.Search;

public enum SearchKind
{
    Bsn,
    Naam,
    Adres,
    Geboortedatum,
}

public sealed record SearchRequest(SearchKind Kind, string? Bsn = null, string? NaamKey = null, string? Voornaam = null,
    string? Postcode = null, int? Huisnummer = null, DateOnly? Geboortedatum = null);

/// <summary>
/// A search hit. For a household the user may not open, only name, birth date, that it exists and its id are
/// given (the worker must know the person is known, and which file, to ask for emergency access), not BSN or address.
/// </summary>
public sealed record PersonHit(Guid Id, string Naam, string? Bsn, DateOnly Geboortedatum, Guid? HouseholdId, string? Adres, bool MayOpen = true);

public sealed record SearchResult(SearchRequest Request, IReadOnlyList<PersonHit> Hits, bool Truncated);

/// <summary>
/// One search box for the four ways a professional looks a resident up. Each kind is answered
/// from its own index (see RegieDbContext), so search stays fast at 100,000 households.
/// </summary>
public sealed partial class PersonSearch(RegieDbContext db, Access.FileAccessService access, Audit.AuditLog audit)
{
    public const int MaxHits = 50;

    [GeneratedRegex(@"^\s*([1-9][0-9]{3})\s?([a-zA-Z]{2})\s*[,\s]\s*([0-9]{1,5})\s*([a-zA-Z])?\s*$")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"^\s*[0-9][0-9 .]{7,11}\s*$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s*$|^\s*\d{4}-\d{2}-\d{2}\s*$")]
    private static partial Regex DatePattern();

    /// <summary>Works out from the text what the user searches for: "999990019", "1234 AB 12", "03-07-1985", "de Vries".</summary>
    public static Result<SearchRequest> Parse(string? text, DateOnly today)
    {
        var q = (text ?? "").Trim();
        if (PersonSearchRules.CheckQuery(q) is { } invalid) return invalid;

        if (NumberPattern().IsMatch(q))
        {
            var bsn = Bsn.Parse(q, "q");
            return bsn.IsValid ? new SearchRequest(SearchKind.Bsn, Bsn: bsn.Value.Value) : bsn.Error!;
        }

        if (AddressPattern().Match(q) is { Success: true } a)
        {
            var pc = Postcode.Parse(a.Groups[1].Value + a.Groups[2].Value, "q");
            if (!pc.IsValid) return pc.Error!;
            return new SearchRequest(SearchKind.Adres, Postcode: pc.Value.Value, Huisnummer: int.Parse(a.Groups[3].Value));
        }

        if (DatePattern().IsMatch(q))
        {
            var d = BirthDate.Parse(q, today, "q");
            return d.IsValid ? new SearchRequest(SearchKind.Geboortedatum, Geboortedatum: d.Value) : d.Error!;
        }

        return ParseName(q);
    }

    /// <summary>"Jansen", "Piet Jansen", "Jansen, Piet", "van der Berg": achternaam prefix, optional voornaam.</summary>
    public static Result<SearchRequest> ParseName(string q)
    {
        string achternaam;
        string? voornaam = null;
        var comma = q.IndexOf(',');
        if (comma >= 0)
        {
            achternaam = q[..comma];
            voornaam = q[(comma + 1)..].Trim();
        }
        else
        {
            var stripped = PersonName.StripPrefix(q);
            var parts = stripped.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && stripped == q.Trim())
            {
                voornaam = parts[0];
                achternaam = PersonName.StripPrefix(string.Join(' ', parts[1..]));
            }
            else achternaam = stripped;
        }

        var key = PersonName.SearchKeyOf(PersonName.StripPrefix(achternaam));
        if (key.Length < 2)
            return PersonSearchRules.NameTooShort();
        return new SearchRequest(SearchKind.Naam, NaamKey: key, Voornaam: string.IsNullOrWhiteSpace(voornaam) ? null : voornaam);
    }

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var persons = db.Persons.AsNoTracking();
        if (!access.MayWorkWithFiles) return new SearchResult(request, [], false);
        if (!access.IsCareRole)
        {
            // A partner finds only the members of households it was added to.
            var granted = access.GrantedHouseholdIds();
            persons = persons.Where(p => p.Memberships.AsQueryable().Where(HouseholdMember.Current).Any(m => granted.Contains(m.HouseholdId)));
        }
        List<Person> found;
        switch (request.Kind)
        {
            case SearchKind.Bsn:
                found = await persons.Where(p => p.Bsn == request.Bsn).OrderBy(p => p.Id).Take(MaxHits + 1).ToListAsync(ct);
                break;
            case SearchKind.Geboortedatum:
                found = await persons.Where(p => p.Geboortedatum == request.Geboortedatum)
                    .OrderBy(p => p.ZoekNaam).Take(MaxHits + 1).ToListAsync(ct);
                break;
            case SearchKind.Adres:
                var ids = db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.Household!.Postcode == request.Postcode && m.Household.Huisnummer == request.Huisnummer)
                    .Select(m => m.PersonId);
                found = await persons.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Geboortedatum).Take(MaxHits + 1).ToListAsync(ct);
                break;
            default:
                var low = request.NaamKey!;
                var high = NextPrefix(low);
                var byName = persons.Where(p => string.Compare(p.ZoekNaam, low) >= 0);
                if (high is not null) byName = byName.Where(p => string.Compare(p.ZoekNaam, high) < 0);
                if (request.Voornaam is { } vn)
                {
                    // In the database, not afterwards: a common surname has thousands of rows and the person must not fall
                    // off the end. Ids first, from the index alone, then the rows; "Anne-Marie" is searched as "anne".
                    var firstName = " " + PersonName.SearchKeyOf(vn.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)[0]);
                    var matching = await byName.Where(p => p.ZoekVoornamen.Contains(firstName))
                        .OrderBy(p => p.ZoekNaam).ThenBy(p => p.Geboortedatum).Select(p => p.Id).Take(MaxHits + 1).ToListAsync(ct);
                    found = (await persons.Where(p => matching.Contains(p.Id)).ToListAsync(ct)).OrderBy(p => matching.IndexOf(p.Id)).ToList();
                    break;
                }
                found = await byName.OrderBy(p => p.ZoekNaam).ThenBy(p => p.Geboortedatum).Take(MaxHits + 1).ToListAsync(ct);
                break;
        }

        var truncated = found.Count > MaxHits;
        if (truncated) found.RemoveAt(MaxHits);
        var hits = await WithCurrentHouseholdAsync(found, ct);
        // An address is the question itself: who lives there is the answer only for the files the worker may open
        // (the household search says, without names, that another household is known there).
        if (request.Kind == SearchKind.Adres) hits = hits.Where(h => h.MayOpen).ToList();
        // What was searched for is personal data itself: the trail records the kind and the number of hits, never the
        // name or address typed; a BSN is kept as the entry's subject, so the privacy officer finds who searched for it.
        // Every person the results show is on record with the search, so their inspection request finds it.
        await audit.RecordListAsync(Audit.AuditResources.Person, $"soort={request.Kind.ToString().ToLowerInvariant()}; resultaten={hits.Count}",
            hits.Select(h => (h.HouseholdId, (Guid?)h.Id)), ct, Audit.AuditActions.Search, request.Kind == SearchKind.Bsn ? request.Bsn : null);
        return new SearchResult(request, hits, truncated);
    }

    private async Task<IReadOnlyList<PersonHit>> WithCurrentHouseholdAsync(List<Person> persons, CancellationToken ct)
    {
        if (persons.Count == 0) return [];
        var ids = persons.Select(p => p.Id).ToList();
        var homes = await db.HouseholdMembers.AsNoTracking()
            .Where(HouseholdMember.Current).Where(m => ids.Contains(m.PersonId))
            .Select(m => new { m.PersonId, m.HouseholdId, m.Household!.Straat, m.Household.Huisnummer, m.Household.Huisletter, m.Household.Toevoeging, m.Household.Postcode, m.Household.Woonplaats })
            .ToDictionaryAsync(m => m.PersonId, ct);
        // Someone who lives in no household now belongs to the file of the one they lived in last (FileAccessService.DecidePersonAsync).
        var homeless = ids.Where(id => !homes.ContainsKey(id)).ToList();
        var last = homeless.Count == 0 ? new Dictionary<Guid, Guid>() : (await db.HouseholdMembers.AsNoTracking()
                .Where(m => homeless.Contains(m.PersonId)).Select(m => new { m.PersonId, m.HouseholdId, m.Until, m.From }).ToListAsync(ct))
            .GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.Until).ThenByDescending(m => m.From).First().HouseholdId);
        var levels = await access.DecideManyAsync(homes.Values.Select(h => h.HouseholdId).Concat(last.Values).Distinct().ToList(), ct);
        return persons.Select(p =>
        {
            homes.TryGetValue(p.Id, out var h);
            var mayOpen = h is not null ? levels.GetValueOrDefault(h.HouseholdId) != Domain.Access.FileAccessLevel.Denied
                : last.TryGetValue(p.Id, out var former) ? levels.GetValueOrDefault(former) != Domain.Access.FileAccessLevel.Denied
                : access.IsCareRole;
            if (!mayOpen) return new PersonHit(p.Id, p.Name.SortName, null, p.Geboortedatum, h?.HouseholdId, null, false);
            var adres = h is null ? null : Address.OneLine(h.Straat, h.Huisnummer, h.Huisletter, h.Toevoeging, h.Postcode, h.Woonplaats);
            return new PersonHit(p.Id, p.Name.SortName, p.Bsn, p.Geboortedatum, h?.HouseholdId, adres);
        }).ToList();
    }

    /// <summary>
    /// The smallest key after every key starting with <paramref name="prefix"/>. Keys hold only
    /// [0-9a-z], whose order is the same in every collation, so this range is exact in SQLite and PostgreSQL.
    /// </summary>
    public static string? NextPrefix(string prefix)
    {
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] == 'z') continue;
            chars[i] = chars[i] == '9' ? 'a' : (char)(chars[i] + 1);
            return new string(chars, 0, i + 1);
        }
        return null;
    }
}
