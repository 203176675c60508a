using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using System.Globalization;
using System.Text.Json;

namespace Regie.Web.Features.Berichten;

/// <summary>The list's filters as typed in the page or the query string; <see cref="BerichtenQueries.ListAsync"/> checks them.</summary>
public sealed record BerichtFilter(string? Type = null, string? Status = null, string? Van = null, string? Tot = null, string? Pagina = null);

/// <summary>One reason a message was refused: the retour code (WJ001) with the standard's meaning, where in the message, and what was wrong.</summary>
public sealed record BerichtProbleem(string? Code, string? Betekenis, string? Element, string Toelichting);

/// <summary>
/// A message in the exchange. <see cref="HuishoudenId"/> is the client's household only when the reader may open its file; otherwise
/// null. Nothing else about the client is in the list.
/// </summary>
public sealed record BerichtRow(Guid Id, string Soort, BerichtRichting Richting, BerichtStatus Status, Guid AanbiederId, string Aanbieder, string? AanbiederAgb,
    string Identificatie, DateOnly Dagtekening, DateTime Aangemaakt, DateTime? Verzonden, string? Bestandsnaam, IReadOnlyList<BerichtProbleem> Problemen, Guid? HuishoudenId);

/// <summary>A page of the exchange: the waiting (klaar) and rejected (afgewezen) messages first, then the newest.</summary>
public sealed record BerichtenPage(IReadOnlyList<BerichtRow> Berichten, int Totaal, int Pagina, int Paginas, int PerPagina);

/// <summary>One message for its page: the row, and its XML only for who may open the client's household.</summary>
public sealed record BerichtDetail(BerichtRow Bericht, string? Xml, bool MagDossierOpenen);

/// <summary>
/// What the desk and the teams read of the iWmo/iJw exchange: the messages sent and received with their status and, for a refused
/// one, the retour codes; a message's XML as sent or received. The municipality's query filter keeps another municipality's messages
/// out (404); a message's client is only named (household id, XML) to who may open the client's household file, as the household
/// pages decide (<see cref="FileAccessService"/>). Every read of a message about a client is on the audit trail.
/// </summary>
public sealed class BerichtenQueries(RegieDbContext db, FileAccessService access, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>type is neither a message kind Regie knows (WMO301, JW305, …) nor a message number (301, 305, 307, 315, 317).</summary>
    public const string TypeInvalidCode = "bericht-type-filter-invalid";
    /// <summary>status is none of klaar, verzonden, afgewezen, ontvangen, beantwoord.</summary>
    public const string StatusInvalidCode = "bericht-status-filter-invalid";
    /// <summary>pagina is not a whole number from 1.</summary>
    public const string PageInvalidCode = "bericht-page-invalid";
    /// <summary>The message exists and may be read, but has no XML: a received message refused with retour codes keeps none, nor does a 301 that did not validate.</summary>
    public const string NoXmlCode = "bericht-xml-absent";

    public static readonly DomainError NoXml = new(NoXmlCode, "",
        "Van dit bericht is geen XML bewaard: een afgewezen bericht van een aanbieder bewaart alleen de retourcodes, een 301 die niet valideerde werd nooit gemaakt.");

    /// <summary>The statuses as the filter accepts them, lowercase.</summary>
    public static IReadOnlyList<string> StatusWords { get; } = Enum.GetNames<BerichtStatus>().Select(n => n.ToLowerInvariant()).ToList();

    /// <summary>The message numbers and kinds the type filter accepts.</summary>
    public static IReadOnlyList<string> TypeWords { get; } =
        [.. Enum.GetValues<BerichtType>().Select(t => ((int)t).ToString(CultureInfo.InvariantCulture)), .. BerichtSoorten.All.Select(s => s.Naam)];

    public async Task<CommandResult<BerichtenPage>> ListAsync(BerichtFilter filter, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ErrorList();
        var soorten = ParseType(filter.Type, errors);
        BerichtStatus? status = null;
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            status = Enum.GetValues<BerichtStatus>().Cast<BerichtStatus?>().FirstOrDefault(s => s.ToString()!.Equals(filter.Status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (status is null) errors.Add(new DomainError(StatusInvalidCode, "Status", $"Kies een status: {string.Join(", ", StatusWords)}."));
        }
        DateOnly? van = ParseDate(filter.Van, DateRules.PeriodStartUnreadable("Van"), errors);
        DateOnly? tot = ParseDate(filter.Tot, DateRules.PeriodEndUnreadable("Tot"), errors);
        if (!errors.HasErrors) errors.AddRange(DateRules.CheckPeriod(van, tot, today, "Van", "Tot"));
        var page = 1;
        if (!string.IsNullOrWhiteSpace(filter.Pagina) && (!int.TryParse(filter.Pagina, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            errors.Add(new DomainError(PageInvalidCode, "Pagina", "Vul een paginanummer in vanaf 1."));
        if (errors.HasErrors) return CommandResult<BerichtenPage>.Invalid(errors.Errors);

        var query = db.IstandaardBerichten.AsNoTracking();
        if (soorten is not null) query = query.Where(b => soorten.Contains(b.Soort));
        if (status is { } s) query = query.Where(b => b.Status == s);
        if (van is { } from) query = query.Where(b => b.Dagtekening >= from);
        if (tot is { } to) query = query.Where(b => b.Dagtekening <= to);
        var total = await query.CountAsync(ct);
        // What needs the desk first: the messages waiting to go to the hub and the rejected ones; then the newest.
        var messages = await query
            .OrderBy(b => b.Status == BerichtStatus.Klaar || b.Status == BerichtStatus.Afgewezen ? 0 : 1)
            .ThenByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var rows = await RowsAsync(messages, ct);
        await audit.RecordListAsync(AuditResources.IstandaardMessage, $"berichten: {rows.Count} van {total}, pagina {page}",
            messages.Select(b => (b.HouseholdId, b.PersonId)), ct);
        return CommandResult<BerichtenPage>.Ok(new BerichtenPage(rows, total, page, Math.Max(1, (total + PageSize - 1) / PageSize), PageSize));
    }

    /// <summary>The message as sent or received, for who may open the client's household; 404 for anyone else, as for an unknown id.</summary>
    public async Task<CommandResult<BerichtXmlAnswer>> XmlAsync(Guid id, CancellationToken ct)
    {
        var b = await db.IstandaardBerichten.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null || !await MayOpenClientAsync(b, ct)) return CommandResult<BerichtXmlAnswer>.NotFound("Het bericht");
        if (b.Xml is null) return new CommandResult<BerichtXmlAnswer>(CommandStatus.NotFound, default, [NoXml]);
        var detail = $"bericht {b.Soort} {b.Identificatie} ({b.Id}): XML";
        await audit.RecordAsync(AuditActions.Read, AuditResources.IstandaardMessage, b.HouseholdId, b.PersonId, detail: detail, ct: ct);
        return CommandResult<BerichtXmlAnswer>.Ok(new BerichtXmlAnswer(b.Xml, $"{b.Soort}_{b.Identificatie}.xml"));
    }

    /// <summary>The message for its page: every care role of the municipality sees the row and its problems; the XML only who may open the household.</summary>
    public async Task<CommandResult<BerichtDetail>> GetAsync(Guid id, CancellationToken ct)
    {
        var b = await db.IstandaardBerichten.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return CommandResult<BerichtDetail>.NotFound("Het bericht");
        var row = (await RowsAsync([b], ct))[0];
        var mayOpen = b.PersonId is not null && await MayOpenClientAsync(b, ct);
        var detail = $"bericht {b.Soort} {b.Identificatie} ({b.Id}){(mayOpen && b.Xml is not null ? " met XML" : "")}";
        await audit.RecordAsync(AuditActions.Read, AuditResources.IstandaardMessage, b.HouseholdId, b.PersonId, detail: detail, ct: ct);
        return CommandResult<BerichtDetail>.Ok(new BerichtDetail(row, mayOpen ? b.Xml : null, mayOpen));
    }

    /// <summary>A message without a client (a refused incoming one) names nobody; otherwise the household's file decides, or the person's when there is no household.</summary>
    private async Task<bool> MayOpenClientAsync(IstandaardBericht b, CancellationToken ct) =>
        b.HouseholdId is { } household ? await access.CanOpenAsync(household, ct)
        : b.PersonId is { } person ? await access.CanOpenPersonAsync(person, ct)
        : true;

    private async Task<IReadOnlyList<BerichtRow>> RowsAsync(IReadOnlyList<IstandaardBericht> messages, CancellationToken ct)
    {
        var providerIds = messages.Select(b => b.OrganisationId).Distinct().ToList();
        var providers = await db.Organisations.AsNoTracking().Where(o => providerIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new { o.Name, o.AgbCode }, ct);
        var households = messages.Where(b => b.HouseholdId is not null).Select(b => b.HouseholdId!.Value).Distinct().ToList();
        var levels = await access.DecideManyAsync(households, ct);
        return messages.Select(b =>
        {
            var provider = providers.GetValueOrDefault(b.OrganisationId);
            var household = b.HouseholdId is { } h && levels.GetValueOrDefault(h, FileAccessLevel.Denied) != FileAccessLevel.Denied ? b.HouseholdId : null;
            return new BerichtRow(b.Id, b.Soort, b.Richting, b.Status, b.OrganisationId, provider?.Name ?? "onbekende aanbieder", provider?.AgbCode, b.Identificatie,
                b.Dagtekening, b.CreatedAt, b.SentAt, b.FileName, Problems(b.Problemen), household);
        }).ToList();
    }

    /// <summary>
    /// The stored problems, read whatever form they were kept in: a JSON list of retour messages (retourcode, element, toelichting),
    /// a JSON list of texts (the XSD's problems of a 301), or plain text. Each code gets the standard's meaning beside it.
    /// </summary>
    public static IReadOnlyList<BerichtProbleem> Problems(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return [];
        try
        {
            using var doc = JsonDocument.Parse(stored);
            var items = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.EnumerateArray().ToList() : [doc.RootElement];
            return items.Select(Problem).Where(p => p is not null).Select(p => p!).ToList();
        }
        catch (JsonException)
        {
            return [new BerichtProbleem(null, null, null, stored)];
        }

        static BerichtProbleem? Problem(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.String) return new BerichtProbleem(null, null, null, e.GetString() ?? "");
            if (e.ValueKind != JsonValueKind.Object) return null;
            string? Text(params string[] names) => e.EnumerateObject().FirstOrDefault(p => names.Contains(p.Name, StringComparer.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } p
                ? p.Value.GetString() : null;
            var code = Text("retourcode", "code");
            return new BerichtProbleem(code, code is null ? null : Retourcodes.Betekenis.GetValueOrDefault(code), Text("element"),
                Text("toelichting", "message", "melding") ?? "");
        }
    }

    private static IReadOnlyList<string>? ParseType(string? type, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(type)) return null;
        var text = type.Trim();
        if (BerichtSoorten.ByName(text) is { } soort) return [soort.Naam];
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Enum.IsDefined(typeof(BerichtType), number))
            return BerichtSoorten.All.Where(s => (int)s.Type == number).Select(s => s.Naam).ToList();
        errors.Add(new DomainError(TypeInvalidCode, "Type", $"Kies een berichtsoort ({string.Join(", ", BerichtSoorten.All.Select(s => s.Naam))}) of een berichtnummer (301, 305, 307, 315, 317)."));
        return null;
    }

    private static DateOnly? ParseDate(string? text, DomainError unreadable, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DutchDate.TryParse(text, out var d) || DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) return d;
        errors.Add(unreadable);
        return null;
    }
}

/// <summary>The stored XML of a message and the name to offer it under.</summary>
public sealed record BerichtXmlAnswer(string Xml, string Bestandsnaam);
