using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Coordination;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using System.Text.Json;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// The municipal desk's year in miniature: a Wmo application decided in time with its letter, one late
/// and one nearly late, a report under investigation, specialist youth care with its estimated cost, a
/// decision towards the decider's own employer, a refusal with its reasoning, a late decision and a
/// withdrawal. Written with the same events the handlers write, so the timeline and the monitor see them.
/// </summary>
public sealed class DemoDecisions(RegieDbContext db, string gemeentecode, TimeProvider clock)
{
    private sealed record Who(Guid PersonId, Guid HouseholdId);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.ProvisionApplications.AnyAsync(ct)) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var members = await db.HouseholdMembers.Where(HouseholdMember.Current)
            .Join(db.Persons.Where(p => p.AnonymisedAt == null), m => m.PersonId, p => p.Id, (m, p) => new { m.HouseholdId, p.Id, p.Geboortedatum })
            .OrderBy(x => x.Geboortedatum).ThenBy(x => x.Id).ToListAsync(ct);
        if (members.Count < 9) return;
        // Oldest residents apply under the Wmo, the youngest under the Jeugdwet, adults in between for income and debts.
        var old = new Queue<Who>(members.Take(6).Select(m => new Who(m.Id, m.HouseholdId)));
        var young = new Queue<Who>(members.AsEnumerable().Reverse().Take(3).Select(m => new Who(m.Id, m.HouseholdId)));
        var middle = new Queue<Who>(members.Skip(members.Count / 2).Take(2).Select(m => new Who(m.Id, m.HouseholdId)));

        var users = await db.Users.Where(u => u.Email == "consulent@voorbeeld.nl" || u.Email == "regisseur.zuid@voorbeeld.nl")
            .ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName, u.EmployerOrganisationId), ct);
        if (!users.TryGetValue("consulent@voorbeeld.nl", out var desk) || !users.TryGetValue("regisseur.zuid@voorbeeld.nl", out var seconded)) return;
        var providers = await db.Organisations.Where(o => o.Kind == OrganisationKinds.Partner).ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        Guid? Provider(string name) => providers.TryGetValue(name, out var id) ? id : null;
        var terms = DecisionTerms.Default;

        ProvisionApplication Apply(Who who, LegalFramework f, string requested, int appliedDaysAgo, (string Id, string Name) handler, int? reportedDaysAgo = null)
        {
            DateOnly? reported = reportedDaysAgo is { } r ? today.AddDays(-r) : null;
            DateOnly? applied = appliedDaysAgo >= 0 ? today.AddDays(-appliedDaysAgo) : null;
            // Registered as it arrived: a report first, received as an application the day after its investigation report.
            var app = ProvisionApplication.Register(gemeentecode, who.PersonId, who.HouseholdId, f, null, requested, reported, reported is null ? applied : null,
                handler.Id, handler.Id, terms, today, Moment(reported ?? applied!.Value));
            if (reported is not null && applied is { } a) app.Receive(a, a.AddDays(-1), today, terms);
            app.MarkSaved(Moment(applied ?? reported!.Value));
            db.ProvisionApplications.Add(app);
            if (reported is { } rep)
                Event(app, EventTypes.ReportReceived, rep, handler, $"Melding {LegalFrameworks.Label(f)}: {requested}", new { aanvraag = app.Id, kader = f.ToString() });
            if (applied is { } day)
                Event(app, EventTypes.ApplicationReceived, day, handler, $"Aanvraag {LegalFrameworks.Label(f)}: {requested}", new { aanvraag = app.Id, kader = f.ToString() });
            return app;
        }

        void Decide(ProvisionApplication app, int decidedDaysAgo, DecisionOutcome outcome, string reasoning, (string Id, string Name, Guid? Employer) by,
            params (string? Category, string? Description, int Volume, string Unit, string Frequency, int Months, Guid? Provider, decimal? Cost)[] products)
        {
            var decidedOn = today.AddDays(-decidedDaysAgo);
            var rows = products.Select((p, i) => new DecisionProduct
            {
                Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Position = i + 1, Category = p.Category, Description = p.Description, Volume = p.Volume,
                Unit = p.Unit, Frequency = p.Frequency, From = decidedOn, To = decidedOn.AddMonths(p.Months).AddDays(-1), ProviderOrganisationId = p.Provider,
                OwnEmployer = Employment.IsOwnEmployer(by.Employer, p.Provider), EstimatedCost = p.Cost,
            }).ToList();
            var decision = app.Decide(outcome, decidedOn, reasoning, rows, by.Id, by.Name, today, Moment(decidedOn));
            db.Decisions.Add(decision);
            app.Version = 2;
            Event(app, EventTypes.DecisionTaken, decidedOn, (by.Id, by.Name),
                $"Beschikking {LegalFrameworks.Label(app.Framework)}: {DecisionOutcomes.Label(outcome).ToLowerInvariant()} ({app.Requested})", new
                {
                    aanvraag = app.Id, beschikking = decision.Id, kader = app.Framework.ToString(), uitkomst = DecisionOutcomes.EventValue(outcome),
                    productcategorie = rows.Select(r => r.Category).FirstOrDefault(c => c is not null),
                    specialistisch = DecisionOutcomes.GrantsSomething(outcome) && rows.Any(r => SpecialistCare.IsSpecialist(app.Framework, r.Category)),
                    geschatteKosten = decision.EstimatedCost, eigenWerkgever = decision.OwnEmployer,
                });
        }

        var deskUser = (desk.Id, desk.DisplayName);
        var deskDecider = (desk.Id, desk.DisplayName, desk.EmployerOrganisationId);

        var help = Apply(old.Dequeue(), LegalFramework.Wmo2015, "Hulp bij het huishouden", 40, deskUser, reportedDaysAgo: 70);
        Decide(help, 30, DecisionOutcome.Toegekend,
            "Uit het onderzoek blijkt dat mevrouw door haar beperkingen het huis niet zelf schoon kan houden. Haar netwerk kan dit niet overnemen en een algemene voorziening volstaat niet.",
            deskDecider, ("01", null, 3, "04", "2", 12, Provider("Thuiszorg De Zorgzame Hand"), 3300m));
        Apply(old.Dequeue(), LegalFramework.Wmo2015, "Begeleiding bij het dagelijks leven", 20, deskUser);
        Apply(old.Dequeue(), LegalFramework.Wmo2015, "Woningaanpassing: traplift", -1, deskUser, reportedDaysAgo: 10);
        Apply(old.Dequeue(), LegalFramework.Wmo2015, "Dagbesteding", 11, deskUser);
        var scooter = Apply(old.Dequeue(), LegalFramework.Wmo2015, "Scootmobiel", 25, deskUser);
        Decide(scooter, 12, DecisionOutcome.Afgewezen,
            "Meneer kan met de regiotaxi en de buurtbus, algemene voorzieningen die passen bij zijn vervoersbehoefte van enkele ritten per week. Een scootmobiel is daarom niet nodig.",
            deskDecider);

        var residential = Apply(young.Dequeue(), LegalFramework.Jeugdwet, "Behandelgroep met verblijf", 50, deskUser);
        Decide(residential, 20, DecisionOutcome.Toegekend,
            "De jeugdarts en de gedragswetenschapper adviseren behandeling met verblijf; ambulante hulp in het gezin is een half jaar geprobeerd en was niet voldoende.",
            deskDecider, ("43", null, 1, "14", "1", 6, Provider("Jeugdhulp Op Koers"), 16000m));
        var ambulant = Apply(young.Dequeue(), LegalFramework.Jeugdwet, "Ambulante gezinsbegeleiding", 30, (seconded.Id, seconded.DisplayName));
        Decide(ambulant, 25, DecisionOutcome.Toegekend,
            "Het gezin heeft hulp nodig bij opvoeding en structuur; de ouders willen dit samen met een gezinsbegeleider aanpakken.",
            (seconded.Id, seconded.DisplayName, seconded.EmployerOrganisationId), ("45", null, 2, "04", "2", 6, Provider("Zorgaanbieder De Brug"), 8500m));
        var withdrawn = Apply(young.Dequeue(), LegalFramework.Jeugdwet, "Dyslexiezorg", 15, deskUser);
        withdrawn.Withdraw("De school biedt de extra begeleiding zelf aan.", today.AddDays(-5));
        Event(withdrawn, EventTypes.ApplicationWithdrawn, today.AddDays(-5), deskUser, "Aanvraag Jeugdwet ingetrokken", new { aanvraag = withdrawn.Id });

        var allowance = Apply(middle.Dequeue(), LegalFramework.Participatiewet, "Bijzondere bijstand voor een wasmachine", 70, deskUser);
        Decide(allowance, 5, DecisionOutcome.Toegekend,
            "Mevrouw heeft geen reserveringsruimte en de wasmachine is noodzakelijk; de kosten vallen binnen de richtlijn bijzondere bijstand.",
            deskDecider, (null, "Bijzondere bijstand: wasmachine", 450, "83", "6", 1, null, 450m));
        Apply(middle.Dequeue(), LegalFramework.Wgs, "Schuldhulpverlening: schuldregeling", 9, deskUser);
        await db.SaveChangesAsync(ct);
    }

    private void Event(ProvisionApplication app, string type, DateOnly day, (string Id, string Name) actor, string summary, object data)
    {
        if (app.HouseholdId is not { } household) return;
        db.HouseholdEvents.Add(new HouseholdEvent
        {
            Gemeentecode = gemeentecode, HouseholdId = household, PersonId = app.PersonId, Type = type, OccurredAt = Moment(day), EffectiveDate = day,
            ActorId = actor.Id, ActorName = actor.Name, Summary = summary, Data = JsonSerializer.Serialize(data),
        });
    }

    private static DateTime Moment(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
}
