using CsvHelper;
using CsvHelper.Configuration;
using Regie.Web.Infrastructure;
using System.Globalization;

namespace Regie.Web.Features.Involvements;

public sealed record RejectedRow(int Line, string? Bsn, IReadOnlyList<string> Reasons);

public sealed record ImportResult(int Imported, IReadOnlyList<RejectedRow> Rejected);

/// <summary>
/// An organisation's existing caseload into the register: one CSV row is one registration, saved on
/// its own (a bad row never leaves half a registration, and never stops the good ones), through the
/// same rules, matches and audit as a registration on the page or the API.
/// Columns: bsn; leefgebied; contactpersoon; telefoon; email; startdatum; reden (comma or semicolon separated, with a
/// header). A row without its own reason takes the one given for the whole file.
/// </summary>
public sealed class InvolvementImport(IServiceScopeFactory scopes)
{
    public async Task<ImportResult> ImportAsync(TextReader csv, string organisation, string gemeentecode, string role, Action<int>? progress, CancellationToken ct,
        string? reason = null)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null, HeaderValidated = null,
            BadDataFound = null, TrimOptions = TrimOptions.Trim,
        };
        using var reader = new CsvReader(csv, config);
        var rejected = new List<RejectedRow>();
        var imported = 0;
        if (!await reader.ReadAsync() || !reader.ReadHeader())
            return new ImportResult(0, [new RejectedRow(1, null, ["Het bestand is leeg of heeft geen kopregel (bsn;leefgebied;contactpersoon;telefoon;email;startdatum)."])]);
        var rows = 0;
        while (await reader.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var input = new InvolvementInput
            {
                Bsn = reader.GetField("bsn"), Leefgebied = reader.GetField("leefgebied"), Contactpersoon = reader.GetField("contactpersoon"),
                Telefoon = reader.GetField("telefoon"), Email = reader.GetField("email"), Startdatum = reader.GetField("startdatum"),
                Reden = reader.GetField("reden") is { Length: > 0 } own ? own : reason,
            };
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(gemeentecode, "import", $"Import {organisation}", role, organisation: organisation);
            var result = await scope.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>().HandleAsync(input, ct);
            if (result.IsOk) imported++;
            else rejected.Add(new RejectedRow(reader.Parser.RawRow, input.Bsn, result.Errors.Select(e => e.Message).ToList()));
            progress?.Invoke(++rows);
        }
        return new ImportResult(imported, rejected);
    }
}
