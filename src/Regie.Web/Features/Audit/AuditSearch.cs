using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;

namespace Regie.Web.Features.Audit;

public sealed class AuditFilter
{
    public string? Bsn { get; set; }
    public Guid? Huishouden { get; set; }
    public string? Gebruiker { get; set; }
    public string? Van { get; set; }
    public string? Tot { get; set; }
    public long? Voor { get; set; }
}

public sealed record AuditRow(long Id, DateTime OccurredAt, string ActorName, string? Role, string? Organisation, string Action,
    string Resource, Guid? HouseholdId, Guid? PersonId, string? Purpose, string? Detail);

/// <summary>The privacy officer's questions: who looked at this person, this household, what did this user do.</summary>
public sealed class AuditSearch(RegieDbContext db, AuditLog audit, Infrastructure.CurrentUser user)
{
    public const int PageSize = 100;

    public async Task<(IReadOnlyList<AuditRow> Rows, ErrorList Errors)> SearchAsync(AuditFilter f, int max, CancellationToken ct)
    {
        var errors = new ErrorList();
        var gemeente = user.Gemeentecode;
        var q = db.AuditEntries.AsNoTracking().Where(e => e.Gemeentecode == gemeente);
        if (!string.IsNullOrWhiteSpace(f.Bsn))
        {
            var bsn = errors.Take(Domain.Registry.Bsn.Parse(f.Bsn, "Bsn"));
            var personId = await db.Persons.Where(p => p.Bsn == bsn.Value).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            var households = personId is null ? [] : await db.HouseholdMembers.Where(m => m.PersonId == personId).Select(m => m.HouseholdId).ToListAsync(ct);
            // Looking at the person's household is looking at the person.
            q = q.Where(e => e.PersonId == personId || (e.HouseholdId != null && households.Contains(e.HouseholdId.Value)));
        }
        if (f.Huishouden is { } h) q = q.Where(e => e.HouseholdId == h);
        if (!string.IsNullOrWhiteSpace(f.Gebruiker))
        {
            var email = f.Gebruiker.Trim().ToUpperInvariant();
            var ids = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).ToListAsync(ct);
            q = q.Where(e => ids.Contains(e.ActorId));
        }
        if (ParseDate(f.Van, "Van", errors) is { } from) q = q.Where(e => e.OccurredAt >= from);
        if (ParseDate(f.Tot, "Tot", errors) is { } until) q = q.Where(e => e.OccurredAt < until.AddDays(1));
        if (f.Voor is { } before) q = q.Where(e => e.Id < before);
        if (errors.HasErrors) return ([], errors);

        var rows = await q.OrderByDescending(e => e.Id).Take(max)
            .Select(e => new AuditRow(e.Id, e.OccurredAt, e.ActorName, e.Role, e.Organisation, e.Action, e.Resource, e.HouseholdId, e.PersonId, e.Purpose, e.Detail))
            .ToListAsync(ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Audit, f.Huishouden, detail: Describe(f, rows.Count), ct: ct);
        return (rows, errors);
    }

    public async Task<(string Csv, int Rows)> ExportCsvAsync(AuditFilter f, CancellationToken ct)
    {
        var (rows, _) = await SearchAsync(f, 100_000, ct);
        var sb = new StringBuilder();
        // Semicolons and a BOM: what Dutch Excel opens correctly without an import wizard.
        sb.Append('\uFEFF').AppendLine("id;tijdstip_utc;gebruiker;rol;organisatie;actie;onderdeel;huishouden;persoon;doel;details");
        foreach (var r in rows)
            sb.AppendLine(string.Join(';', new[]
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.OccurredAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.ActorName, r.Role,
                r.Organisation, r.Action, r.Resource, r.HouseholdId?.ToString(), r.PersonId?.ToString(), r.Purpose, r.Detail,
            }.Select(Csv)));
        await audit.RecordAsync(AuditActions.Export, AuditResources.Audit, f.Huishouden, detail: Describe(f, rows.Count), ct: ct);
        return (sb.ToString(), rows.Count);
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    public static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static string Describe(AuditFilter f, int rows) =>
        $"filter: {(f.Bsn is null ? "" : "bsn ")}{(f.Huishouden is null ? "" : "huishouden ")}{(f.Gebruiker is null ? "" : "gebruiker ")}{f.Van}–{f.Tot}; regels={rows}";

    private static DateTime? ParseDate(string? text, string field, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DutchDate.TryParse(text, out var d)) return d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        errors.Add(new DomainError(BirthDate.InvalidCode, field, "Vul de datum in als dd-mm-jjjj."));
        return null;
    }
}
