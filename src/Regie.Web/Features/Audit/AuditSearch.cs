using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using System.Globalization;
using System.Text;

namespace Regie.Web.Features.Audit;

public sealed class AuditFilter
{
    public string? Bsn { get; set; }
    /// <summary>Text, not Guid: a mistyped id gets a Dutch message at the field instead of a binding error.</summary>
    public string? Huishouden { get; set; }
    public string? Gebruiker { get; set; }
    public string? Van { get; set; }
    public string? Tot { get; set; }
    /// <summary>Keyset: only entries with a lower id (older), for the next page.</summary>
    public long? Voor { get; set; }
}

public sealed record AuditRow(long Id, DateTime OccurredAt, string ActorName, string? Role, string? Organisation, string Action,
    string Resource, Guid? HouseholdId, Guid? PersonId, string? Purpose, string? Detail, string? SubjectBsn);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, long? NextBefore);

/// <summary>The privacy officer's questions: who looked at this person, this household, what did this user do.</summary>
public sealed class AuditSearch(RegieDbContext db, AuditLog audit, Infrastructure.CurrentUser user, TimeProvider clock)
{
    public const int PageSize = 100;
    public const string HouseholdIdInvalidCode = "household-id-invalid";
    public const string UserNotFoundCode = "user-not-found";

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private sealed record Selection(IQueryable<AuditEntry> Query, Guid? PersonId, Guid? HouseholdId, string? Bsn);

    /// <summary>Checks the filter without touching the trail, so the CSV export can refuse before it starts writing.</summary>
    public async Task<ErrorList> ValidateAsync(AuditFilter f, CancellationToken ct)
    {
        var errors = new ErrorList();
        await SelectAsync(f, errors, ct);
        return errors;
    }

    /// <summary>One page, newest first. Keyset on the id, so page 1,000 costs what page 1 costs.</summary>
    public async Task<(AuditPage Page, ErrorList Errors)> SearchAsync(AuditFilter f, CancellationToken ct)
    {
        var errors = new ErrorList();
        var selection = await SelectAsync(f, errors, ct);
        if (selection is null) return (new AuditPage([], null), errors);
        var q = selection.Query;
        if (f.Voor is { } before) q = q.Where(e => e.Id < before);
        var rows = await Project(q.OrderByDescending(e => e.Id).Take(PageSize + 1)).ToListAsync(ct);
        var hasMore = rows.Count > PageSize;
        if (hasMore) rows.RemoveAt(PageSize);
        // Searching the trail is looking at a person too: the person or household asked about is on record.
        await audit.RecordAsync(AuditActions.Read, AuditResources.Audit, selection.HouseholdId, selection.PersonId,
            detail: Describe(f, rows.Count), ct: ct, subjectBsn: selection.PersonId is null ? selection.Bsn : null);
        return (new AuditPage(rows, hasMore ? rows[^1].Id : null), errors);
    }

    /// <summary>
    /// The whole selection (not one page), streamed row by row: a year of a busy municipality does
    /// not fit in memory. The export is recorded also when the download is broken off, because
    /// by then rows may have left Regie.
    /// </summary>
    public async Task<int> WriteCsvAsync(AuditFilter f, Stream output, CancellationToken ct)
    {
        var errors = new ErrorList();
        var selection = await SelectAsync(f, errors, ct) ?? throw new InvalidOperationException("Validate the filter first.");
        var count = 0;
        try
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
            // Semicolons and a BOM: what Dutch Excel opens correctly without an import wizard.
            await writer.WriteAsync('\uFEFF');
            await writer.WriteLineAsync("id;tijdstip_utc;gebruiker;rol;organisatie;actie;onderdeel;huishouden;persoon;bsn_opgezocht;doel;details");
            await foreach (var r in Project(selection.Query.OrderByDescending(e => e.Id)).AsAsyncEnumerable().WithCancellation(ct))
            {
                await writer.WriteLineAsync(CsvLine(r));
                count++;
            }
            await writer.FlushAsync(ct);
        }
        finally
        {
            await audit.RecordAsync(AuditActions.Export, AuditResources.Audit, selection.HouseholdId, selection.PersonId,
                detail: Describe(f, count), ct: CancellationToken.None, subjectBsn: selection.PersonId is null ? selection.Bsn : null);
        }
        return count;
    }

    public static string CsvLine(AuditRow r) => string.Join(';', new[]
    {
        r.Id.ToString(CultureInfo.InvariantCulture), r.OccurredAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.ActorName, r.Role,
        r.Organisation, r.Action, r.Resource, r.HouseholdId?.ToString(), r.PersonId?.ToString(), r.SubjectBsn, r.Purpose, r.Detail,
    }.Select(Csv));

    /// <summary>RFC 4180 quoting; a leading = + - @ (or tab/CR) is neutralised so a spreadsheet never runs it as a formula.</summary>
    public static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private async Task<Selection?> SelectAsync(AuditFilter f, ErrorList errors, CancellationToken ct)
    {
        var gemeente = user.Gemeentecode;
        var q = db.AuditEntries.AsNoTracking().Where(e => e.Gemeentecode == gemeente);
        Guid? personId = null;
        string? subject = null;
        if (!string.IsNullOrWhiteSpace(f.Bsn))
        {
            var bsn = Domain.Registry.Bsn.Parse(f.Bsn, "Bsn");
            if (!bsn.IsValid) errors.Add(bsn.Error);
            else
            {
                subject = bsn.Value.Value;
                // Persons are filtered on the municipality: a BSN of another municipality finds nobody here.
                personId = await db.Persons.Where(p => p.Bsn == subject).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
                if (personId is null)
                    // Not in Regie, but departments may still have looked the BSN up: that is all there is to show.
                    q = q.Where(e => e.SubjectBsn == subject);
                else
                {
                    var households = await db.HouseholdMembers.Where(m => m.PersonId == personId).Select(m => m.HouseholdId).ToListAsync(ct);
                    // Looking at the person's household is looking at the person; so is a department's look-up of their BSN.
                    q = q.Where(e => e.PersonId == personId || (e.HouseholdId != null && households.Contains(e.HouseholdId.Value)) || e.SubjectBsn == subject);
                }
            }
        }
        Guid? householdId = null;
        if (!string.IsNullOrWhiteSpace(f.Huishouden))
        {
            if (Guid.TryParse(f.Huishouden.Trim(), out var h))
            {
                householdId = h;
                q = q.Where(e => e.HouseholdId == h);
            }
            else errors.Add(new DomainError(HouseholdIdInvalidCode, "Huishouden", "Vul het nummer van het huishouden in zoals het in het adres van de pagina staat (32 tekens met streepjes)."));
        }
        if (!string.IsNullOrWhiteSpace(f.Gebruiker))
        {
            var email = f.Gebruiker.Trim().ToUpperInvariant();
            var ids = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).ToListAsync(ct);
            if (ids.Count == 0) errors.Add(new DomainError(UserNotFoundCode, "Gebruiker", "Er is geen gebruiker met dit e-mailadres."));
            q = q.Where(e => ids.Contains(e.ActorId));
        }
        var from = ParseDay(f.Van, "Van", errors);
        var until = ParseDay(f.Tot, "Tot", errors);
        // A year no trail can hold (01-01-0001 is before the first Dutch midnight a DateTime can express) is refused, not searched.
        var period = DateRules.CheckPeriod(from, until, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "Van", "Tot");
        errors.AddRange(period);
        if (period.Count > 0) from = until = null;
        // The page shows Dutch time, so a day means a Dutch day: 00:30 on 5 March is 23:30 UTC on 4 March.
        if (from is { } start)
        {
            var fromUtc = StartOfDutchDayUtc(start);
            q = q.Where(e => e.OccurredAt >= fromUtc);
        }
        if (until is { } end)
        {
            var untilUtc = StartOfDutchDayUtc(end.AddDays(1));
            q = q.Where(e => e.OccurredAt < untilUtc);
        }
        return errors.HasErrors ? null : new Selection(q, personId, householdId, subject);
    }

    private static IQueryable<AuditRow> Project(IQueryable<AuditEntry> q) =>
        q.Select(e => new AuditRow(e.Id, e.OccurredAt, e.ActorName, e.Role, e.Organisation, e.Action, AuditResources.Current(e.Resource), e.HouseholdId, e.PersonId, e.Purpose, e.Detail, e.SubjectBsn));

    public static DateTime StartOfDutchDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Amsterdam);

    /// <summary>Which filters were used, never their values: the BSN asked about is in the entry's person id or subject, not in its text.</summary>
    private static string Describe(AuditFilter f, int rows)
    {
        var used = new List<string>();
        if (!string.IsNullOrWhiteSpace(f.Bsn)) used.Add("bsn");
        if (!string.IsNullOrWhiteSpace(f.Huishouden)) used.Add("huishouden");
        if (!string.IsNullOrWhiteSpace(f.Gebruiker)) used.Add("gebruiker");
        if (!string.IsNullOrWhiteSpace(f.Van) || !string.IsNullOrWhiteSpace(f.Tot)) used.Add($"periode {f.Van?.Trim()}–{f.Tot?.Trim()}");
        return $"filter: {(used.Count == 0 ? "geen" : string.Join(", ", used))}; regels={rows}";
    }

    private static DateOnly? ParseDay(string? text, string field, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DutchDate.TryParse(text, out var d)) return d;
        errors.Add(new DomainError(BirthDate.InvalidCode, field, "Vul de datum in als dd-mm-jjjj."));
        return null;
    }
}
