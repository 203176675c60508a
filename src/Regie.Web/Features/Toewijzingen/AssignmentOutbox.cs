using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Berichten;
using System.Globalization;
using System.Text.Json;

namespace Regie.Web.Features.Toewijzingen;

/// <summary>
/// Makes decisions travel: a granted Wmo or Jeugdwet product for a provider becomes a numbered assignment, and the provider gets a
/// 301 with every current assignment of the client there. Each 301 is validated against its XSD before it is released; one that
/// does not validate is kept as refused with the problems, never sent. Works inside the caller's unit of work: the decision or the
/// change and its messages are saved together or not at all.
/// </summary>
public sealed class AssignmentOutbox(RegieDbContext db, TimeProvider clock)
{
    /// <summary>Identifications handed out in this unit of work, so two 301s of one decision do not share one.</summary>
    private long _lastIdentificatie;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>After a granting decision: its products with a provider become assignments, and each provider gets its 301.</summary>
    public async Task AssignAsync(Decision decision, CancellationToken ct)
    {
        if (!DecisionOutcomes.GrantsSomething(decision.Outcome) || !BerichtSoorten.Travels(decision.Framework)) return;
        var products = decision.Products.Where(p => p.ProviderOrganisationId is not null && p.Category is not null).OrderBy(p => p.Position).ToList();
        if (products.Count == 0) return;
        // The highest number saved or handed out in this unit of work (several decisions may be saved together).
        var saved = await db.Toewijzingen.Where(t => t.Framework == decision.Framework).MaxAsync(t => (int?)t.Nummer, ct) ?? 0;
        var pending = db.Toewijzingen.Local.Where(t => t.Framework == decision.Framework).Select(t => t.Nummer).DefaultIfEmpty(0).Max();
        var next = Math.Max(saved, pending) + 1;
        var now = Now;
        var assigned = products.Select(p => Toewijzing.Assign(p, decision, next++, now)).ToList();
        db.Toewijzingen.AddRange(assigned);
        foreach (var group in assigned.GroupBy(t => t.ProviderOrganisationId))
            await QueueAsync(decision.PersonId, group.Key, decision.Framework, decision.Id, [.. group], ct);
    }

    /// <summary>
    /// The 301 for one client at one provider: every assignment there that still runs, plus the ones just made or changed
    /// (<paramref name="touched"/>) — an assignment ended early travels once more with its new end and reason.
    /// </summary>
    public async Task<IstandaardBericht> QueueAsync(Guid personId, Guid providerId, LegalFramework framework, Guid decisionId,
        IReadOnlyList<Toewijzing> touched, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Now);
        var running = await db.Toewijzingen
            .Where(t => t.PersonId == personId && t.ProviderOrganisationId == providerId && t.Framework == framework && t.Einddatum >= today
                && (t.RedenWijziging == null || t.RedenWijziging != AssignmentRules.RedenVerwijderd))
            .ToListAsync(ct);
        var products = running.UnionBy(touched, t => t.Id).OrderBy(t => t.Nummer)
            .Select(t => new Product301(t.Nummer, t.Category, t.ProductCode, t.AssignedAt, t.Ingangsdatum, t.Einddatum, t.RedenWijziging, t.Volume, t.Unit, t.Frequency))
            .ToList();

        var provider = await db.Organisations.AsNoTracking().Where(o => o.Id == providerId).Select(o => new { o.Name, o.AgbCode }).FirstAsync(ct);
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Bsn, p.Geboortedatum, p.Achternaam, p.Voorvoegsel, p.Voornamen, p.Telefoon, p.Email }).FirstAsync(ct);
        var address = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == personId && m.Until == null)
            .Select(m => new Adres301(m.Household!.Straat, m.Household.Huisnummer, m.Household.Huisletter, m.Household.Toevoeging, m.Household.Postcode, m.Household.Woonplaats))
            .FirstOrDefaultAsync(ct);

        var problems = new List<Retourmelding>();
        if (provider.AgbCode is null)
            problems.Add(new(Retourcodes.Technisch, "Header/Ontvanger", $"{provider.Name} heeft geen AGB-code. Leg die vast bij de organisatie en wijzig de toewijzing opnieuw, of vraag de functioneel beheerder."));
        if (person.Bsn is null)
            problems.Add(new(Retourcodes.Technisch, "Client/Bsn", "De inwoner heeft geen BSN; een toewijzing gaat alleen met BSN naar de aanbieder."));

        var gemeentecode = touched[0].Gemeentecode;
        var soort = BerichtSoorten.Of(framework, BerichtType.Toewijzing);
        var identificatie = await NextIdentificatieAsync(ct);
        var document = Toewijzingbericht.Build(soort, gemeentecode, provider.AgbCode ?? "", identificatie, today,
            new Client301(person.Bsn ?? "", person.Geboortedatum, person.Achternaam, person.Voorvoegsel, person.Voornamen, address, person.Telefoon, person.Email),
            products);
        if (problems.Count == 0)
            problems.AddRange(BerichtSchemas.Validate(document, soort).Select(p => new Retourmelding(Retourcodes.Technisch, "XSD", p)));

        var householdId = touched.Select(t => t.HouseholdId).FirstOrDefault(h => h is not null);
        var message = IstandaardBericht.Outgoing(gemeentecode, soort, providerId, identificatie, today, personId, householdId, decisionId,
            document.Declaration + Environment.NewLine + document.ToString(), problems.Count == 0 ? null : Retourmeldingen.ToJson(problems), Now);
        db.IstandaardBerichten.Add(message);
        return message;
    }

    /// <summary>A 315 or 317 that opened this application is answered now that the desk decided it.</summary>
    public async Task AnswerRequestsAsync(Guid applicationId, CancellationToken ct)
    {
        foreach (var request in await db.IstandaardBerichten.Where(b => b.ApplicationId == applicationId && b.Status == BerichtStatus.Ontvangen).ToListAsync(ct))
            request.MarkAnswered();
    }

    /// <summary>
    /// The municipality's next message identification: a number, twelve digits so that text order is number order. Two decisions
    /// at the same moment may reach for the same one; the unique index refuses the second save, which the user retries (409).
    /// </summary>
    private async Task<string> NextIdentificatieAsync(CancellationToken ct)
    {
        if (_lastIdentificatie == 0)
        {
            var last = await db.IstandaardBerichten.Where(b => b.Richting == BerichtRichting.Uit).MaxAsync(b => (string?)b.Identificatie, ct);
            _lastIdentificatie = last is null ? 0 : long.Parse(last, CultureInfo.InvariantCulture);
        }
        return (++_lastIdentificatie).ToString("D12", CultureInfo.InvariantCulture);
    }
}

/// <summary>The problems of a message as stored and shown: the same shape for a 301 that did not validate and a refused incoming message.</summary>
public static class Retourmeldingen
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string ToJson(IEnumerable<Retourmelding> meldingen) => JsonSerializer.Serialize(meldingen.Take(Berichten.ReceiveBerichtHandler.MaxMeldingen), Options);

    public static IReadOnlyList<Retourmelding> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Retourmelding>>(json, Options) ?? [];
}
