using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Decisions;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Decisions;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Features.Vroegsignalering;
using Regie.Web.Infrastructure;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Xml.Linq;

namespace Regie.Web.Features.Berichten;

/// <summary>What became of one received message: accepted (with the id of the kept message) or refused with its retour codes.</summary>
public sealed record BerichtUitkomst(Guid Id, string Soort, bool Geaccepteerd, IReadOnlyList<Retourmelding> Retourmeldingen);

/// <summary>
/// A care provider's 305, 307, 315 or 317, by API or from a file. The message is checked against its XSD and then against the
/// rules the XSD cannot express, each violation named with its WJ001 retour code. An accepted message is applied whole, in one
/// save: the start or stop reaches the assignment and the household's timeline, a request becomes an application on the desk's
/// worklist. A refused one changes nothing; only that the provider sent it, and why it was refused, is kept.
/// </summary>
public sealed class ReceiveBerichtHandler(RegieDbContext db, CurrentUser user, DecisionQueries decisions, TimelineWriter timeline, AuditLog audit,
    TimeProvider clock)
{
    public const string NotAProviderCode = "bericht-not-a-provider";
    public const string RefusedCode = "bericht-afgewezen";
    /// <summary>WJ001 0200: the message is accepted.</summary>
    public const string Geaccepteerd = "0200";
    /// <summary>Two messages about the same assignment at once: the loser reads again, and its checks then name what the other did.</summary>
    public const int Attempts = 4;
    /// <summary>The largest message the API takes: a 315 with many products stays far below.</summary>
    public const long MaxBytes = 1024 * 1024;
    /// <summary>The refusals kept with a refused message: the first ones say what to fix, and the record stays whole JSON.</summary>
    public const int MaxMeldingen = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DomainError NotAProvider => new(NotAProviderCode, "",
        "Uw organisatie heeft bij deze gemeente geen AGB-code en stuurt dus geen iWmo- of iJw-berichten. De gemeente legt de AGB-code vast bij de organisatie.");

    /// <summary>Refuses a caller whose organisation is no provider with an AGB code, before anything of the body is read.</summary>
    public async Task<CommandResult<BerichtUitkomst>?> RefuseAsync(CancellationToken ct) =>
        await ProviderAsync(ct) is null ? CommandResult<BerichtUitkomst>.Forbidden(NotAProvider) : null;

    /// <summary>A message by API: the sender is the caller's organisation, and the header's Afzender must be its AGB code.</summary>
    public async Task<CommandResult<BerichtUitkomst>> HandleAsync(string xml, CancellationToken ct)
    {
        var provider = await ProviderAsync(ct);
        if (provider is null) return CommandResult<BerichtUitkomst>.Forbidden(NotAProvider);
        return await ReceiveAsync(IncomingBericht.Read(xml), xml, provider, ct);
    }

    /// <summary>
    /// A message from a file: the sender is the organisation whose AGB code the header names. Without one (unreadable, or an AGB
    /// code this municipality does not know) nothing is kept and <c>Sender</c> is null.
    /// </summary>
    public async Task<(Organisation? Sender, CommandResult<BerichtUitkomst>? Result)> ImportAsync(string xml, CancellationToken ct)
    {
        var bericht = IncomingBericht.Read(xml);
        var agb = AgbCode.Normalize(bericht.Afzender);
        var sender = agb is null ? null : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.AgbCode == agb, ct);
        return sender is null ? (null, null) : (sender, await ReceiveAsync(bericht, xml, sender, ct));
    }

    private async Task<Organisation?> ProviderAsync(CancellationToken ct) =>
        user.OrganisationId is { } id ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.AgbCode != null, ct) : null;

    private async Task<CommandResult<BerichtUitkomst>> ReceiveAsync(IncomingBericht bericht, string xml, Organisation provider, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, personId, householdId) = await TakeInAsync(bericht, xml, provider, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (ReceiveSignalHandler.IsRace(e))
            {
                // Another message claimed the identification or changed the assignment first: the checks run again and name it.
                db.ChangeTracker.Clear();
                if (attempt == Attempts) return CommandResult<BerichtUitkomst>.Conflict();
                await Task.Delay(Random.Shared.Next(5, 30) * attempt, ct);
                continue;
            }
            db.ChangeTracker.Clear();
            var codes = string.Join(" ", outcome.Retourmeldingen.Select(m => m.Retourcode).Distinct());
            var detail = outcome.Geaccepteerd
                ? $"{outcome.Soort} {bericht.Identificatie} van {provider.Name} ontvangen en verwerkt"
                : $"{outcome.Soort} {bericht.Identificatie} van {provider.Name} afgewezen met retourcode {codes}";
            await audit.RecordAsync(AuditActions.Create, AuditResources.IstandaardMessage, householdId, personId, detail: detail, ct: ct);
            return CommandResult<BerichtUitkomst>.Ok(outcome);
        }
    }

    /// <summary>All checks, and when none refuses, all changes in the unit of work; a refusal clears them and adds only its record.</summary>
    private async Task<(BerichtUitkomst Outcome, Guid? PersonId, Guid? HouseholdId)> TakeInAsync(IncomingBericht bericht, string xml, Organisation provider,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var meldingen = new List<Retourmelding>(bericht.Problems);
        Applied? applied = null;
        if (bericht.IsValid)
        {
            await CheckHeaderAsync(bericht, provider, today, meldingen, ct);
            // A refused header ends the checks: the client is looked up only in a message addressed rightly, so a refusal never
            // tells a provider more about a BSN than the refusal of its header already did.
            if (meldingen.Count == 0)
            {
                var work = new Work(bericht, provider, today, now, meldingen);
                applied = bericht.Soort!.Type switch
                {
                    BerichtType.Start => await StartAsync(work, ct),
                    BerichtType.Stop => await StopAsync(work, ct),
                    BerichtType.VerzoekOmToewijzing => await RequestAsync(work, ct),
                    _ => await ChangeRequestAsync(work, ct),
                };
            }
        }
        var soort = bericht.Soort?.Naam ?? "onbekend";
        if (meldingen.Count > 0 || applied is null)
        {
            // Nothing of a refused message stays: not the starts, not the application, not the events.
            db.ChangeTracker.Clear();
            var refused = IstandaardBericht.Refused(provider.Gemeentecode, soort, provider.Id, bericht.Identificatie ?? "", bericht.Dagtekening ?? today,
                JsonSerializer.Serialize(meldingen.Take(MaxMeldingen), Json), now);
            db.IstandaardBerichten.Add(refused);
            return (new BerichtUitkomst(refused.Id, soort, false, meldingen), null, null);
        }
        var accepted = IstandaardBericht.Accepted(provider.Gemeentecode, bericht.Soort!, provider.Id, bericht.Identificatie!, bericht.Dagtekening!.Value,
            applied.PersonId, applied.HouseholdId, applied.ApplicationId, xml, now, applied.Referenties);
        db.IstandaardBerichten.Add(accepted);
        return (new BerichtUitkomst(accepted.Id, soort, true, []), applied.PersonId, applied.HouseholdId);
    }

    private sealed record Work(IncomingBericht Bericht, Organisation Provider, DateOnly Today, DateTime Now, List<Retourmelding> Meldingen)
    {
        public LegalFramework Framework => Bericht.Soort!.Framework;
        public XNamespace M => Bericht.M;
        public XNamespace B => Bericht.B;
        public string Bsn => Bericht.Bsn;
    }

    /// <summary>What an accepted message changed: whom it is about, and the application a request opened.</summary>
    private sealed record Applied(Guid? PersonId, Guid? HouseholdId, Guid? ApplicationId = null, IReadOnlyCollection<string>? Referenties = null);

    private async Task CheckHeaderAsync(IncomingBericht bericht, Organisation provider, DateOnly today, List<Retourmelding> meldingen, CancellationToken ct)
    {
        if (bericht.Afzender != provider.AgbCode)
            meldingen.Add(new(Retourcodes.Technisch, "Header/Afzender", $"Afzender is niet uw AGB-code: het bericht noemt {bericht.Afzender}, uw organisatie heeft {provider.AgbCode}."));
        if (bericht.Ontvanger != provider.Gemeentecode)
            meldingen.Add(new(Retourcodes.GemeentecodeOngeldig, "Header/Ontvanger",
                $"De ontvanger {bericht.Ontvanger} is niet deze gemeente: stuur het bericht aan gemeentecode {provider.Gemeentecode}."));
        const string dagtekening = "Header/BerichtIdentificatie/Dagtekening";
        if (bericht.Dagtekening is not { } d)
            meldingen.Add(new(Retourcodes.Technisch, dagtekening, "De dagtekening is geen leesbare datum."));
        else if (d > today)
            meldingen.Add(new(Retourcodes.DagtekeningInToekomst, dagtekening, $"De dagtekening {Dutch(d)} ligt na vandaag ({Dutch(today)})."));
        var identificatie = bericht.Identificatie!;
        if (await db.IstandaardBerichten.AnyAsync(b => b.Richting == BerichtRichting.In && b.OrganisationId == provider.Id && b.Identificatie == identificatie
                && b.Status != BerichtStatus.Afgewezen, ct))
            meldingen.Add(new(Retourcodes.IdentificatieNietUniek, "Header/BerichtIdentificatie/Identificatie",
                $"U stuurde al eerder een bericht met identificatie {identificatie}, dat is geaccepteerd. Geef elk bericht een eigen identificatie."));
    }

    /// <summary>305: each started product on its assignment (TR019, TR074, TR326), and the start on the household's timeline.</summary>
    private async Task<Applied?> StartAsync(Work w, CancellationToken ct)
    {
        var products = w.Bericht.Client.Element(w.M + "StartProducten")!.Elements(w.M + "StartProduct").ToList();
        var (assignments, bsns) = await AssignmentsAsync(w, products, ct);
        var started = new List<(Toewijzing Assignment, DateOnly On)>();
        for (var i = 0; i < products.Count; i++)
        {
            var element = $"Client/StartProducten/StartProduct[{i + 1}]";
            if (Assignment(w, products[i], element, assignments) is not { } box) continue;
            var a = box.Value;
            if (Date(w, products[i], "Begindatum", element) is not { } begin) continue;
            var errors = AssignmentRules.CheckStart(a?.Facts(bsns.GetValueOrDefault(a.PersonId)), w.Provider.Id, w.Bsn, begin, element);
            w.Meldingen.AddRange(errors);
            if (errors.Count > 0 || a is null) continue;
            a.Start(w.Provider.Id, w.Bsn, begin);
            a.Version++;
            started.Add((a, begin));
        }
        if (w.Meldingen.Count > 0) return null;
        foreach (var (a, on) in started)
            if (await HouseholdAsync(a.HouseholdId, ct) is { } household)
                timeline.Record(household, EventTypes.CareStarted, $"Zorg gestart bij {w.Provider.Name}: {CategoryLabel(a)}", on, a.PersonId,
                    new { toewijzing = a.Id, aanbieder = w.Provider.Id, kader = a.Framework.ToString(), productcategorie = a.Category });
        return new Applied(started[0].Assignment.PersonId, started[0].Assignment.HouseholdId);
    }

    /// <summary>307: each stopped product follows its start (TR069), ends within the assignment, with a WMO588/JZ588 reason.</summary>
    private async Task<Applied?> StopAsync(Work w, CancellationToken ct)
    {
        var products = w.Bericht.Client.Element(w.M + "StopProducten")!.Elements(w.M + "StopProduct").ToList();
        var (assignments, bsns) = await AssignmentsAsync(w, products, ct);
        var stopped = new List<(Toewijzing Assignment, DateOnly On, string Reden)>();
        for (var i = 0; i < products.Count; i++)
        {
            var element = $"Client/StopProducten/StopProduct[{i + 1}]";
            if (Assignment(w, products[i], element, assignments) is not { } box) continue;
            var a = box.Value;
            if (Date(w, products[i], "Begindatum", element) is not { } begin || Date(w, products[i], "Einddatum", element) is not { } end) continue;
            var reden = IncomingBericht.Text(products[i], w.M + "RedenBeeindiging");
            var errors = AssignmentRules.CheckStop(a?.Facts(bsns.GetValueOrDefault(a.PersonId)), w.Provider.Id, w.Bsn, begin, end, reden, element);
            w.Meldingen.AddRange(errors);
            if (errors.Count > 0 || a is null) continue;
            a.Stop(w.Provider.Id, w.Bsn, begin, end, reden!);
            a.Version++;
            stopped.Add((a, end, reden!));
        }
        if (w.Meldingen.Count > 0) return null;
        foreach (var (a, on, reden) in stopped)
            if (await HouseholdAsync(a.HouseholdId, ct) is { } household)
                timeline.Record(household, EventTypes.CareStopped,
                    $"Zorg gestopt bij {w.Provider.Name}: {CategoryLabel(a)} ({BerichtCodeLists.RedenBeeindigingFor(a.Framework).Find(reden)?.Name ?? reden})", on, a.PersonId,
                    new { toewijzing = a.Id, aanbieder = w.Provider.Id, kader = a.Framework.ToString(), productcategorie = a.Category, reden });
        return new Applied(stopped[0].Assignment.PersonId, stopped[0].Assignment.HouseholdId);
    }

    /// <summary>315: a request for an assignment becomes an application on the desk's worklist, its decision term running from today.</summary>
    private async Task<Applied?> RequestAsync(Work w, CancellationToken ct)
    {
        var person = await ClientAsync(w, ct);
        var products = w.Bericht.Client.Element(w.M + "AangevraagdeProducten")!.Elements(w.M + "AangevraagdProduct").ToList();
        var references = new List<string>();
        var parts = new List<string>();
        for (var i = 0; i < products.Count; i++)
        {
            var p = products[i];
            var reference = IncomingBericht.Text(p, w.M + "ReferentieAanbieder")!;
            await CheckReferenceAsync(w, reference, $"Client/AangevraagdeProducten/AangevraagdProduct[{i + 1}]/ReferentieAanbieder", references, ct);
            parts.Add($"{Product(w, p.Element(w.M + "Product"))}{Omvang(w, p.Element(w.M + "Omvang"))}, {Period(p, w.M + "ToewijzingIngangsdatum", w.M + "ToewijzingEinddatum")}"
                + $" (referentie {reference})");
        }
        if (person is not null) await CheckNoOpenRequestAsync(w, person.Id, ct);
        if (w.Meldingen.Count > 0) return null;
        var requested = $"Verzoek om toewijzing ({w.Bericht.Soort!.Naam}) van {w.Provider.Name}: {string.Join("; ", parts)}.";
        return await RegisterAsync(w, person!, requested, references, ct);
    }

    /// <summary>317: a request to change current assignments (TR351) becomes an application on the desk's worklist.</summary>
    private async Task<Applied?> ChangeRequestAsync(Work w, CancellationToken ct)
    {
        var person = await ClientAsync(w, ct);
        var verzoek = w.Bericht.Client.Element(w.M + "Verzoek")!;
        var reference = IncomingBericht.Text(verzoek, w.M + "ReferentieAanbieder")!;
        var references = new List<string>();
        await CheckReferenceAsync(w, reference, "Client/Verzoek/ReferentieAanbieder", references, ct);
        var unchanged = verzoek.Element(w.M + "OngewijzigdeProducten")?.Elements(w.M + "OngewijzigdProduct").ToList() ?? [];
        var changed = verzoek.Element(w.M + "TeWijzigenProducten")?.Elements(w.M + "TeWijzigenProduct").ToList() ?? [];
        var added = verzoek.Element(w.M + "NieuweProducten")?.Elements(w.M + "NieuwProduct").ToList() ?? [];
        var numbers = unchanged.Concat(changed).Select(p => IncomingBericht.Number(IncomingBericht.Text(p, w.M + "ToewijzingNummer"))).OfType<int>().Distinct().ToList();
        var current = await db.Toewijzingen.AsNoTracking()
            .Where(t => t.Framework == w.Framework && numbers.Contains(t.Nummer) && t.ProviderOrganisationId == w.Provider.Id && t.Einddatum >= w.Today
                && (t.RedenWijziging == null || t.RedenWijziging != AssignmentRules.RedenVerwijderd))
            .Join(db.Persons, t => t.PersonId, p => p.Id, (t, p) => new { t.Nummer, p.Bsn }).ToListAsync(ct);
        var ofClient = current.Where(c => c.Bsn == w.Bsn).Select(c => c.Nummer).ToHashSet();
        void Check(List<XElement> list, string path)
        {
            for (var i = 0; i < list.Count; i++)
                if (IncomingBericht.Number(IncomingBericht.Text(list[i], w.M + "ToewijzingNummer")) is not { } n || !ofClient.Contains(n))
                    w.Meldingen.Add(new(Retourcodes.TeWijzigenOnbekend, $"{path}[{i + 1}]/ToewijzingNummer",
                        "Er is geen lopende toewijzing met dit nummer aan u voor deze cliënt."));
        }
        Check(unchanged, "Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct");
        Check(changed, "Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct");
        if (person is not null) await CheckNoOpenRequestAsync(w, person.Id, ct);
        if (w.Meldingen.Count > 0) return null;
        var parts = changed.Select(p => $"toewijzing {IncomingBericht.Text(p, w.M + "ToewijzingNummer")} wijzigen: "
                + $"{Period(p, w.M + "GewensteIngangsdatum", w.M + "Einddatum")}{Omvang(w, p.Element(w.M + "Omvang"))}")
            .Concat(added.Select(p => $"nieuw: {Product(w, p.Element(w.M + "Product"))}{Omvang(w, p.Element(w.M + "Omvang"))}, "
                + Period(p, w.M + "GewensteIngangsdatum", w.M + "Einddatum")))
            .Concat(unchanged.Select(p => $"toewijzing {IncomingBericht.Text(p, w.M + "ToewijzingNummer")} ongewijzigd"));
        var requested = $"Verzoek om wijziging ({w.Bericht.Soort!.Naam}) van {w.Provider.Name}, referentie {reference}: {string.Join("; ", parts)}.";
        return await RegisterAsync(w, person!, requested, references, ct);
    }

    private async Task<Applied> RegisterAsync(Work w, Person person, string requested, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        var householdId = await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.PersonId == person.Id).OrderByDescending(m => m.From)
            .Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct);
        // No handler: it waits on the desk's worklist until a consulent takes it.
        var app = ProvisionApplication.Register(person.Gemeentecode, person.Id, householdId, w.Framework, null,
            Text.Truncate(requested, ProvisionApplication.RequestedMaxLength), null, w.Today, null, user.ActorId, await decisions.TermsAsync(ct), w.Today, w.Now);
        db.ProvisionApplications.Add(app);
        if (await HouseholdAsync(householdId, ct) is { } household)
            timeline.Record(household, EventTypes.ApplicationReceived, $"Aanvraag {LegalFrameworks.Label(app.Framework)}: {ApplicationChanges.Short(app.Requested)}",
                w.Today, person.Id, new { aanvraag = app.Id, kader = app.Framework.ToString() });
        return new Applied(person.Id, householdId, app.Id, references);
    }

    /// <summary>A request is about a resident the municipality has registered; of anyone else it cannot take an application.</summary>
    private async Task<Person?> ClientAsync(Work w, CancellationToken ct)
    {
        var bsn = w.Bsn;
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Bsn == bsn && p.AnonymisedAt == null, ct);
        if (person is null)
            w.Meldingen.Add(new(Retourcodes.Technisch, "Client/Bsn",
                "Deze cliënt staat niet als inwoner bij de gemeente ingeschreven; een verzoek kan alleen over een inwoner van de gemeente gaan."));
        return person;
    }

    /// <summary>TR347: a provider uses a ReferentieAanbieder once within its legal domain.</summary>
    private async Task CheckReferenceAsync(Work w, string reference, string element, List<string> references, CancellationToken ct)
    {
        var soorten = BerichtSoorten.All.Where(s => s.Framework == w.Framework).Select(s => s.Naam).ToList();
        var key = IstandaardBericht.ReferentieKey(reference);
        if (references.Contains(reference) || await db.IstandaardBerichten.AnyAsync(b => b.Richting == BerichtRichting.In && b.OrganisationId == w.Provider.Id
                && b.Status != BerichtStatus.Afgewezen && soorten.Contains(b.Soort) && b.Referenties != null && b.Referenties.Contains(key), ct))
            w.Meldingen.Add(new(Retourcodes.ReferentieNietUniek, element, $"U gebruikte referentie {reference} al eerder; geef elk verzoek een eigen referentie."));
        references.Add(reference);
    }

    /// <summary>TR374: while the municipality has not decided a provider's request for a client, no second one.</summary>
    private async Task CheckNoOpenRequestAsync(Work w, Guid personId, CancellationToken ct)
    {
        var soorten = BerichtSoorten.All.Where(s => s.Framework == w.Framework).Select(s => s.Naam).ToList();
        var open = await db.IstandaardBerichten.Where(b => b.Richting == BerichtRichting.In && b.OrganisationId == w.Provider.Id && b.PersonId == personId
                && b.Status == BerichtStatus.Ontvangen && b.ApplicationId != null && soorten.Contains(b.Soort))
            .Join(db.ProvisionApplications, b => b.ApplicationId, a => a.Id, (b, a) => a.Status)
            .AnyAsync(s => s == ApplicationStatus.Melding || s == ApplicationStatus.InBehandeling, ct);
        if (open)
            w.Meldingen.Add(new(Retourcodes.VerzoekOnderhanden, "Client",
                "Er is al een verzoek van u voor deze cliënt in behandeling bij de gemeente; wacht op het besluit over dat verzoek."));
    }

    /// <summary>The assignments a 305/307 names, by number within the message's framework (tracked: they change), and their clients' BSNs.</summary>
    private async Task<(Dictionary<int, Toewijzing>, Dictionary<Guid, string?>)> AssignmentsAsync(Work w, List<XElement> products, CancellationToken ct)
    {
        var numbers = products.Select(p => IncomingBericht.Number(IncomingBericht.Text(p, w.M + "ToewijzingNummer"))).OfType<int>().Distinct().ToList();
        var assignments = await db.Toewijzingen.Where(t => t.Framework == w.Framework && numbers.Contains(t.Nummer)).ToDictionaryAsync(t => t.Nummer, ct);
        var personIds = assignments.Values.Select(a => a.PersonId).Distinct().ToList();
        var bsns = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Bsn, ct);
        return (assignments, bsns);
    }

    /// <summary>
    /// The assignment a product names: null inside a box when the number names none (the rules then say 9019); no box when the
    /// product names no number at all, which is refused here.
    /// </summary>
    private static StrongBox<Toewijzing?>? Assignment(Work w, XElement product, string element, Dictionary<int, Toewijzing> assignments)
    {
        if (IncomingBericht.Number(IncomingBericht.Text(product, w.M + "ToewijzingNummer")) is { } n) return new(assignments.GetValueOrDefault(n));
        w.Meldingen.Add(new(Retourcodes.NietGekoppeld, $"{element}/ToewijzingNummer", "Noem het ToewijzingNummer: de gemeente koppelt een start of stop aan de toewijzing met dat nummer."));
        return null;
    }

    private static DateOnly? Date(Work w, XElement product, string name, string element)
    {
        if (IncomingBericht.Date(IncomingBericht.Text(product, w.M + name)) is { } d) return d;
        w.Meldingen.Add(new(Retourcodes.Technisch, $"{element}/{name}", "Dit is geen leesbare datum."));
        return null;
    }

    private async Task<Household?> HouseholdAsync(Guid? id, CancellationToken ct) =>
        id is { } hid ? await db.Households.FirstOrDefaultAsync(h => h.Id == hid, ct) : null;

    private static string CategoryLabel(Toewijzing a) => CodeLists.ProductCategories(a.Framework)?.Find(a.Category)?.Name ?? a.Category;

    private static string Product(Work w, XElement? product)
    {
        if (product is null) return "product niet genoemd";
        var category = IncomingBericht.Text(product, w.B + "Categorie");
        var code = IncomingBericht.Text(product, w.B + "Code");
        var label = CodeLists.ProductCategories(w.Framework)?.Find(category)?.Name ?? $"categorie {category}";
        return code is null ? label : $"{label} (productcode {code})";
    }

    private static string Omvang(Work w, XElement? omvang)
    {
        if (omvang is null) return "";
        var unit = IncomingBericht.Text(omvang, w.B + "Eenheid");
        var frequency = IncomingBericht.Text(omvang, w.B + "Frequentie");
        return $", {IncomingBericht.Text(omvang, w.B + "Volume")} {(CodeLists.Wj756.Find(unit)?.Name ?? unit)?.ToLowerInvariant()} {(CodeLists.Wmo757.Find(frequency)?.Name ?? frequency)?.ToLowerInvariant()}";
    }

    private static string Period(XElement parent, XName from, XName to)
    {
        var start = IncomingBericht.Date(IncomingBericht.Text(parent, from));
        var end = IncomingBericht.Date(IncomingBericht.Text(parent, to));
        return $"vanaf {(start is { } s ? Dutch(s) : "?")}{(end is { } e ? $" tot en met {Dutch(e)}" : "")}";
    }

    private static string Dutch(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
