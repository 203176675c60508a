using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using System.Globalization;

namespace Regie.Web.Features.Vroegsignalering;

public sealed record RejectedSignalRow(int Line, string? Kenmerk, IReadOnlyList<string> Reasons);

/// <param name="Gekoppeld">New signals matched to a household (in its open case).</param>
/// <param name="TeKoppelen">New signals the registry could not match: they wait in the list to be matched by hand.</param>
/// <param name="AlOntvangen">Rows whose kenmerk the partner sent before: nothing new stored.</param>
public sealed record SignalImportResult(int Regels, int Gekoppeld, int TeKoppelen, int AlOntvangen, IReadOnlyList<RejectedSignalRow> Afgewezen);

/// <summary>
/// A signal partner's monthly file: one row is one signal, checked on its own by the same rules as the API (a bad row is refused
/// with its reasons and never stops the good ones), and taken in a batch at a time through <see cref="SignalIntake"/>. The
/// partner's kenmerk makes the same file imported twice create nothing twice.
/// Columns (semicolon or comma, with a header): kenmerk;bsn;achternaam;geboortedatum;postcode;huisnummer;telefoon;email;bedrag;maanden;datum,
/// and optionally voorletters, voorvoegsel, straat, toevoeging, woonplaats, ontstaansdatum, crisis (ja/nee), warmeoverdracht (ja/nee).
/// </summary>
public sealed class SignalImport(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly string[] RequiredColumns = ["kenmerk", "bsn", "achternaam", "geboortedatum", "postcode", "huisnummer", "telefoon", "email", "bedrag", "maanden", "datum"];
    /// <summary>Rows taken in per transaction: large enough that the registry is read in few queries, small enough that a lost race repeats little.</summary>
    public const int BatchSize = 1000;
    public const string DuplicateInFile = "Dit kenmerk staat al op een eerdere regel van dit bestand; elk signaal heeft een eigen kenmerk.";

    /// <summary>Who reads the file in, for the audit trail: the worker on the page, or (null) the command line on the partner's behalf.</summary>
    public sealed record Actor(string Id, string Name, string? Role, string? Organisation, Guid? OrganisationId);

    public async Task<SignalImportResult> ImportAsync(TextReader csv, Organisation partner, Action<int>? progress, CancellationToken ct, Actor? actor = null)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null, HeaderValidated = null,
            BadDataFound = null, TrimOptions = TrimOptions.Trim,
        };
        using var reader = new CsvReader(csv, config);
        if (!await reader.ReadAsync() || !reader.ReadHeader())
            return new SignalImportResult(0, 0, 0, 0, [new RejectedSignalRow(1, null, [$"Het bestand is leeg of heeft geen kopregel ({string.Join(';', RequiredColumns)})."])]);
        var missing = RequiredColumns.Where(c => !reader.HeaderRecord!.Any(h => h.Trim().Equals(c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
            return new SignalImportResult(0, 0, 0, 0, [new RejectedSignalRow(1, null, [$"De kopregel mist de kolom(men) {string.Join(", ", missing)}; verwacht: {string.Join(';', RequiredColumns)}."])]);

        var rejected = new List<RejectedSignalRow>();
        // A kenmerk twice in one file is two different signals under one reference, or one sent twice: never silently one of them.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<IncomingSignal>(BatchSize);
        int rows = 0, matched = 0, unmatched = 0, repeated = 0;
        async Task FlushAsync()
        {
            if (pending.Count == 0) return;
            var results = await TakeInAsync(partner, pending, actor, ct);
            matched += results.Count(r => r.Outcome == IntakeOutcome.Matched);
            unmatched += results.Count(r => r.Outcome == IntakeOutcome.Unmatched);
            repeated += results.Count(r => r.Outcome == IntakeOutcome.AlreadyReceived);
            pending.Clear();
            progress?.Invoke(rows);
        }
        while (await reader.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            rows++;
            var line = reader.Parser.RawRow;
            var fields = new SignalFields(Get(reader, "kenmerk"), Get(reader, "bsn"), Get(reader, "voorletters"), Get(reader, "voorvoegsel"), Get(reader, "achternaam"),
                Get(reader, "geboortedatum"), Get(reader, "straat"), Get(reader, "postcode"), Get(reader, "huisnummer"), Get(reader, "toevoeging"), Get(reader, "woonplaats"),
                Get(reader, "telefoon"), Get(reader, "email"), Get(reader, "bedrag"), Get(reader, "maanden"), Get(reader, "datum"), Get(reader, "ontstaansdatum"),
                YesNo(Get(reader, "crisis")), YesNo(Get(reader, "warmeoverdracht")));
            var errors = new ErrorList();
            var content = SignalRules.Check(fields, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
            if (content is null) rejected.Add(new RejectedSignalRow(line, fields.Kenmerk, errors.Errors.Select(e => e.Message).ToList()));
            else if (!seen.Add(content.Kenmerk)) rejected.Add(new RejectedSignalRow(line, content.Kenmerk, [DuplicateInFile]));
            else pending.Add(new IncomingSignal(line, content));
            if (pending.Count >= BatchSize) await FlushAsync();
        }
        await FlushAsync();
        progress?.Invoke(rows);
        return new SignalImportResult(rows, matched, unmatched, repeated, rejected);
    }

    /// <summary>One batch in one transaction, in a fresh unit of work; a lost race (another import opened the same household's case) runs it again.</summary>
    private async Task<IReadOnlyList<IntakeResult>> TakeInAsync(Organisation partner, IReadOnlyList<IncomingSignal> batch, Actor? actor, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
            if (actor is null) user.ActAs(partner.Gemeentecode, AuditActors.System, $"Import {partner.Name}", organisation: partner.Name, organisationId: partner.Id);
            else user.ActAs(partner.Gemeentecode, actor.Id, actor.Name, actor.Role, organisation: actor.Organisation, organisationId: actor.OrganisationId);
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var results = await scope.ServiceProvider.GetRequiredService<SignalIntake>().ReceiveAsync(partner, SignalRules.ViaImport, batch, user.ActorName, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (ReceiveSignalHandler.IsRace(e) && attempt < ReceiveSignalHandler.Attempts)
            {
                await Task.Delay(Random.Shared.Next(5, 30) * attempt, ct);
                continue;
            }
            var added = results.Where(r => r.Outcome != IntakeOutcome.AlreadyReceived).ToList();
            if (added.Count > 0)
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Create, AuditResources.EarlySignal,
                    detail: $"{added.Count} vroegsignalen van {partner.Name} ingelezen (regels {batch[0].Line} tot en met {batch[^1].Line}):"
                        + $" {added.Count(r => r.Outcome == IntakeOutcome.Matched)} gekoppeld, {added.Count(r => r.Outcome == IntakeOutcome.Unmatched)} te koppelen",
                    ct: ct);
            return results;
        }
    }

    private static string? Get(CsvReader reader, string column) => reader.TryGetField<string>(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    private static bool YesNo(string? value) => value?.Trim().ToLowerInvariant() is "ja" or "j" or "1" or "true" or "waar";

    /// <summary>The rejected rows as the partner can read them back: line, kenmerk and every reason.</summary>
    public static async Task WriteRejectedAsync(string path, IReadOnlyList<RejectedSignalRow> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path);
        // The partner opens this file in a spreadsheet: a cell of its own input that starts like a formula is written as text.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape });
        csv.WriteField("regel");
        csv.WriteField("kenmerk");
        csv.WriteField("reden");
        await csv.NextRecordAsync();
        foreach (var r in rows)
        {
            csv.WriteField(r.Line);
            csv.WriteField(r.Kenmerk);
            csv.WriteField(string.Join(" ", r.Reasons));
            await csv.NextRecordAsync();
        }
    }
}
