using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Involvements;

/// <summary>One organisation involved: who and how to reach them. Never the concern (no life domain): that is the file's, not the look-up's.</summary>
public sealed record ContactView(string Organisatie, string? Contactpersoon, string? Telefoon, string? Email, DateOnly Sinds);

public sealed record CoordinatorContact(string Naam, string? Team, string? Telefoon, string? Email);

/// <summary>The look-up's whole answer. Unknown and known-but-uninvolved persons get the very same one.</summary>
public sealed record LookupResult(bool Betrokken, CoordinatorContact? Regisseur, IReadOnlyList<ContactView> Organisaties);

/// <summary>
/// The department look-up: "is someone involved, and whom do I call?". Every department's systems call
/// it, so it is built for that: on PostgreSQL the answer comes from the register's copy in memory
/// (<see cref="LookupRegister"/>, ADR 0011) and, for a BSN the copy does not know to be current, from one
/// indexed query without a DbContext — creating and initialising a context per call cost more than the
/// query itself (docs/BENCHMARKS.md, section 6). The audit entry with the stated purpose is durable
/// before the answer is returned.
/// The answer for an unknown BSN is the same as for a known person nobody is involved with; nothing
/// is ever created.
/// </summary>
public sealed class InvolvementLookup(LookupDataSource source, LookupRegister register, IServiceProvider services, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string PurposeRequiredCode = "lookup-purpose-required";

    private const string Sql = $"""
        SELECT {LookupRow.Select}
        WHERE {Involvement.ActiveOnSql} AND i."Gemeentecode" = $2 AND i."Bsn" = $3
        ORDER BY i."StartedOn"
        """;

    public async Task<CommandResult<LookupResult>> LookupAsync(string? bsn, string? purpose, CancellationToken ct)
    {
        var errors = new ErrorList();
        var parsed = errors.Take(Bsn.Parse(bsn, "Bsn"));
        var doel = errors.Take(TextRules.Required(purpose, "Doel", "het doel", 500,
            PurposeRequiredCode, "Vul in waarom u opzoekt of er iemand betrokken is (bijvoorbeeld: aanvraag urgentieverklaring)."));
        if (errors.HasErrors) return CommandResult<LookupResult>.Invalid(errors.Errors);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        IReadOnlyList<LookupRow> rows;
        if (source.Postgres is { } postgres)
        {
            // The copy in memory when it has this BSN's current rows; the database otherwise, and the copy learns them.
            if (register.TryGet(user.Gemeentecode, parsed!.Value, today, out var token) is { } known) rows = known;
            else register.Fill(user.Gemeentecode, parsed.Value, token, rows = await FromPostgresAsync(postgres, user.Gemeentecode, parsed.Value, today, ct));
        }
        else rows = await FromContextAsync(services.GetRequiredService<RegieDbContext>(), parsed!.Value, today, ct);
        // The purpose is the point of the record: who asked about whom, and why.
        await audit.RecordFrequentAsync(AuditActions.Lookup, AuditResources.Involvement, parsed!.Value, doel, AuditDetail(rows.Count), ct);

        CoordinatorContact? coordinator = null;
        var others = new List<ContactView>(rows.Count);
        foreach (var r in rows)
        {
            if (r.TeamId is not null) coordinator ??= new CoordinatorContact(r.ContactName, r.Team, r.Phone, r.Email);
            else others.Add(new ContactView(r.Organisation ?? "?", r.ContactName, r.Phone, r.Email, r.StartedOn));
        }
        return CommandResult<LookupResult>.Ok(new LookupResult(rows.Count > 0, coordinator, others));
    }

    /// <summary>What a look-up's audit entry says besides its purpose: how many were involved, never who.</summary>
    public static string AuditDetail(int involved) => $"betrokkenheid opgevraagd: {involved} betrokken";

    private static async Task<List<LookupRow>> FromPostgresAsync(Npgsql.NpgsqlDataSource dataSource, string? gemeentecode, string bsn, DateOnly today, CancellationToken ct)
    {
        var rows = new List<LookupRow>();
        // No municipality, no rows: the same rule as the query filters on every resident table.
        if (gemeentecode is null) return rows;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<DateOnly> { TypedValue = today });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = gemeentecode });
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = bsn });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(LookupRow.Read(reader, 0));
        return rows;
    }

    /// <summary>SQLite (the embedded single-server set-up): the same query through EF, with the municipality filter of the model.</summary>
    private static Task<List<LookupRow>> FromContextAsync(RegieDbContext db, string bsn, DateOnly today, CancellationToken ct) =>
        db.Involvements.AsNoTracking().Where(Involvement.ActiveOn(today)).Where(i => i.Bsn == bsn)
            .OrderBy(i => i.StartedOn)
            .Select(i => new LookupRow(i.TeamId, i.ContactName, i.ContactPhone, i.ContactEmail, i.StartedOn, i.ExpiresOn, i.Domain,
                db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                db.Teams.Where(t => t.Id == i.TeamId).Select(t => t.Name).FirstOrDefault()))
            .ToListAsync(ct);
}

/// <summary>The look-up's connection pool on PostgreSQL (with prepared statements), made once per process; none on SQLite.</summary>
public sealed class LookupDataSource(DatabaseOptions database) : IAsyncDisposable
{
    public Npgsql.NpgsqlDataSource? Postgres { get; } = database.Provider == DatabaseProvider.Postgres
        ? Npgsql.NpgsqlDataSource.Create(DatabaseSetup.WithAutoPrepare(database.ConnectionString)) : null;

    public ValueTask DisposeAsync() => Postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
