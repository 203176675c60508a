using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Registry;
using Regie.Web.Data;
using System.Diagnostics;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// "Gemeente Voorbeeld": a fictitious municipality (code 9999 is not a CBS code) with teams,
/// staff and synthetic households. Only test BSNs (999900006–999999990) are ever used.
/// </summary>
public sealed partial class DemoSeeder(RegieDbContext db, UserManager<RegieUser> users, RoleManager<IdentityRole> roles,
    CurrentUser current, TimeProvider clock, IServiceScopeFactory scopes, ILogger<DemoSeeder> log)
{
    public const string Gemeentecode = "9999";
    public const string GemeenteNaam = "Gemeente Voorbeeld";

    /// <summary>
    /// The first-start demo's size: large enough that Wijkteam Zuid (a quarter of the households) has at least 10 starts in a quarter,
    /// so the evaluation of its light support shows figures under the small-number rule instead of withheld cells.
    /// </summary>
    public const int DefaultHouseholds = 1000;

    public static readonly (string Name, string Wijk, string[] Buurten, string PostcodePrefix)[] Teams =
    [
        ("Wijkteam Noord", "Noord", ["Molenwijk", "Vogelbuurt"], "991"),
        ("Wijkteam Centrum", "Centrum", ["Binnenstad", "Stationskwartier"], "992"),
        ("Wijkteam Zuid", "Zuid", ["Parkwijk", "Tuinstad"], "993"),
        ("Wijkteam Oost", "Oost", ["Bloemenbuurt", "Rivierenbuurt"], "994"),
    ];

    /// <summary>Seeded means households exist too, so a first start that was interrupted seeds again.</summary>
    public async Task<bool> IsSeededAsync(CancellationToken ct) =>
        await db.Municipalities.AnyAsync(m => m.Code == Gemeentecode, ct)
        && await db.Households.IgnoreQueryFilters().AnyAsync(h => h.Gemeentecode == Gemeentecode, ct);

    /// <summary>Municipality, teams, roles and demo accounts; safe to run again.</summary>
    public async Task SeedOrganisationAsync(CancellationToken ct)
    {
        current.ActAs(Gemeentecode, "systeem", "Demo-installatie");
        if (!await db.Municipalities.AnyAsync(m => m.Code == Gemeentecode, ct))
            db.Municipalities.Add(new Municipality { Code = Gemeentecode, Name = GemeenteNaam, CreatedAt = clock.GetUtcNow().UtcDateTime });
        foreach (var (name, wijk, _, _) in Teams)
            if (!await db.Teams.AnyAsync(t => t.Name == name, ct))
                db.Teams.Add(new Team
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, Name = name, Wijk = wijk,
                    Telefoon = "0900 1234567", Email = $"{wijk.ToLowerInvariant()}@wijkteam.voorbeeld.nl",
                });
        foreach (var (name, kind, phone) in Organisations)
            if (!await db.Organisations.AnyAsync(o => o.Name == name, ct))
                db.Organisations.Add(new Organisation
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, Name = name, Kind = kind, Telefoon = phone,
                    Email = $"{PersonName.SearchKeyOf(name.Split(' ')[0])}@voorbeeld.nl",
                    // The corporation, the insurer, the energy and the water company send vroegsignalen from the start.
                    SignaalpartnerSoort = DemoVroegsignalering.Partners.Where(p => p.Name == name).Select(p => (Domain.Vroegsignalering.SignaalpartnerSoort?)p.Soort).FirstOrDefault(),
                });
        // The municipality once sent only complex cases to its teams (CPB suggestion) and went back to
        // "the team takes everything" six months ago: the history shows a change of model is configuration.
        if (!await db.TriageConfigurations.AnyAsync(ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (model, since) in new[] { (Domain.Care.TriageModel.TeamVoorComplex, now.AddYears(-1)), (Domain.Care.TriageModel.TeamVoorAlles, now.AddMonths(-DemoEvaluations.TriageChangeMonthsAgo)) })
            {
                var table = Domain.Care.TriageSettings.Preset(model);
                db.TriageConfigurations.Add(new TriageConfiguration
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, Model = model, ConcernThreshold = table.ConcernThreshold, MinDomains = table.MinDomains,
                    Routes = table.RoutesToStored(), ValidFrom = since, ChangedBy = "Demo-installatie",
                });
            }
        }
        await db.SaveChangesAsync(ct);

        await SeedAccountsAsync(ct);
    }

    /// <summary>
    /// The register as a municipality would have it: the team registered for every member of the households
    /// it coordinates (with the coordinator as contact), some partners and departments for a few residents,
    /// and in the seed-003 story the housing corporation, whose registration made a match for the coordinator.
    /// </summary>
    private async Task<List<Involvement>> InvolvementsAsync(DemoBatch batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, ct);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Id, ct);
        var coordinators = await db.Users.Where(u => u.TeamId != null).ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.Email }, ct);
        var bsn = batch.Persons.Where(p => p.Bsn != null).ToDictionary(p => p.Id, p => p.Bsn!);
        var result = new List<Involvement>();
        var random = new Random(7);
        foreach (var h in batch.Households.Where(h => h.CoordinatorId is not null && h.ResponsibleTeamId is not null))
        {
            var c = coordinators[h.CoordinatorId!];
            var team = teams[h.ResponsibleTeamId!.Value];
            var opened = batch.Trajectories.FirstOrDefault(t => t.HouseholdId == h.Id)?.OpenedOn ?? DateOnly.FromDateTime(h.CreatedAt);
            foreach (var m in batch.Members.Where(m => m.HouseholdId == h.Id && m.IsCurrent && bsn.ContainsKey(m.PersonId)))
                result.Add(new Involvement
                {
                    Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, Bsn = bsn[m.PersonId], TeamId = team.Id, HouseholdId = h.Id,
                    ContactName = c.DisplayName, ContactPhone = team.Telefoon, ContactEmail = c.Email, StartedOn = opened, ExpiresOn = opened.AddYears(2),
                    RegisteredBy = "Demo-installatie", CreatedAt = now,
                });
        }
        // A few residents are known to departments and partners as well.
        var others = organisations.Values.Where(o => o.Name != "Woningcorporatie Thuis").ToList();
        foreach (var (personId, number) in bsn.Where(_ => random.NextDouble() < 0.03))
        {
            var o = others[random.Next(others.Count)];
            var since = today.AddDays(-random.Next(10, 600));
            result.Add(new Involvement
            {
                Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, Bsn = number, OrganisationId = o.Id, ContactName = $"Contactpersoon {o.Name}",
                ContactPhone = o.Telefoon, ContactEmail = o.Email, StartedOn = since, ExpiresOn = since.AddYears(2), Reason = "Lopende begeleiding",
                RegisteredBy = "Demo-installatie", CreatedAt = now,
            });
        }
        var story = batch.Households.FirstOrDefault(h => h.Naam == "Huishouden de Wit" && h.CoordinatorId is not null);
        var sanne = batch.Persons.FirstOrDefault(p => p.Voornamen == "Sanne" && p.Achternaam == "Bakker" && p.Bsn is not null);
        if (story is not null && sanne is not null && organisations.TryGetValue("Woningcorporatie Thuis", out var corporation))
        {
            result.Add(new Involvement
            {
                Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, Bsn = sanne.Bsn!, OrganisationId = corporation.Id, Domain = Domain.Assessment.ZrmDomain.Huisvesting,
                ContactName = "Linda Meijer", ContactPhone = corporation.Telefoon, ContactEmail = "linda.meijer@voorbeeld.nl", StartedOn = today.AddDays(-30),
                ExpiresOn = today.AddDays(-30).AddYears(2), Reason = "Huurachterstand: afspraken over de woning", RegisteredBy = "Linda Meijer", CreatedAt = now,
            });
            var c = coordinators[story.CoordinatorId!];
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, UserId = story.CoordinatorId, HouseholdId = story.Id, CreatedAt = now.AddDays(-30),
                Title = "Match: Woningcorporatie Thuis is ook betrokken bij een huishouden dat u regisseert",
                Body = $"Woningcorporatie Thuis is nu ook betrokken bij een lid van het huishouden dat u regisseert (BSN eindigend op {sanne.Bsn![^3..]}). Contact: Linda Meijer, {corporation.Telefoon}, linda.meijer@voorbeeld.nl.",
            });
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, OrganisationId = corporation.Id, CreatedAt = now.AddDays(-30),
                Title = $"Match: ook anderen zijn betrokken (BSN eindigend op {sanne.Bsn![^3..]})",
                Body = $"Bij deze inwoner zijn ook betrokken:\n- {teams[story.ResponsibleTeamId!.Value].Name}: {c.DisplayName}, {teams[story.ResponsibleTeamId.Value].Telefoon}, {c.Email}",
            });
            await db.SaveChangesAsync(ct);
        }
        return result;
    }

    /// <summary>The housing corporation was added to the grandmother's household, where the evicted family now lives.</summary>
    private async Task GrantPartnerAccessToStoryAsync(DemoBatch batch, CancellationToken ct)
    {
        var household = batch.Households.FirstOrDefault(h => h.Naam == "Huishouden de Wit");
        var partner = await users.FindByEmailAsync("woningcorporatie@voorbeeld.nl");
        var lead = await users.FindByEmailAsync("teamleider@voorbeeld.nl");
        if (household is null || partner is null || lead is null) return;
        db.HouseholdAccess.Add(HouseholdAccess.Grant(Gemeentecode, household.Id, partner.Id, lead.Id, clock.GetUtcNow().UtcDateTime,
            reason: "Huurachterstand: afspraken over de woning", sharedParts: Features.Access.FileAccessService.Parts.Members));
        await db.SaveChangesAsync(ct);
    }

    public const string EmergencyReason = "Politie belde zaterdagnacht over een ruzie thuis; de regisseur was niet bereikbaar";

    /// <summary>
    /// Three nights ago a worker of Zuid broke the glass on a household that Noord holds, read the file and left a note
    /// for the team: the team lead and the privacy officer see it in the emergency-access overview, and the access ended
    /// by itself after four hours.
    /// </summary>
    private async Task EmergencyAccessStoryAsync(CancellationToken ct)
    {
        var zuid = await users.FindByEmailAsync("regisseur.zuid@voorbeeld.nl");
        var noord = await db.Teams.Where(t => t.Name == "Wijkteam Noord").Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        var household = await db.Households.Where(h => h.ResponsibleTeamId == noord && h.CoordinatorId != null && h.Naam != "Huishouden de Wit")
            .OrderBy(h => h.Naam).FirstOrDefaultAsync(ct);
        if (zuid is null || household is null) return;
        var at = clock.GetUtcNow().UtcDateTime.Date.AddDays(-3).AddHours(1).AddMinutes(12);
        var grant = HouseholdAccess.Emergency(Gemeentecode, household.Id, zuid.Id, EmergencyReason, at);
        var until = grant.ExpiresAt!.Value;
        db.HouseholdAccess.Add(grant);
        HouseholdEvent Event(string type, DateTime when, string summary, object data) => new()
        {
            Gemeentecode = Gemeentecode, HouseholdId = household.Id, Type = type, OccurredAt = when, EffectiveDate = DateOnly.FromDateTime(when),
            ActorId = zuid.Id, ActorName = zuid.DisplayName, Summary = summary, Data = System.Text.Json.JsonSerializer.Serialize(data),
        };
        db.HouseholdEvents.Add(Event(EventTypes.EmergencyAccess, at, $"Noodtoegang door {zuid.DisplayName} tot {Features.Shared.Format.DateTime(until)}: {EmergencyReason}",
            new { gebruiker = zuid.Id, rol = Roles.Professional }));
        db.HouseholdEvents.Add(Event(EventTypes.Note, at.AddMinutes(40), $"Notitie bij noodtoegang van {zuid.DisplayName}: Ter plaatse geweest met de politie. Moeder en kinderen slapen vannacht bij de zus; maandag belt de regisseur.",
            new { gebruiker = zuid.Id, noodtoegang = true }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The seed-003 story's look-ups, as the privacy officer finds them under the BSN: housing asked about Sanne,
    /// the benefit inspectors about her mother, and Werk &amp; Inkomen about someone Regie does not know at all.
    /// Written straight to the trail with the look-up's own wording, not through the look-up: that would go through
    /// the server's audit journal, which a running server may hold (after the seed's transactions: the trail has its own connection).
    /// </summary>
    private async Task StoryLookupsAsync(CancellationToken ct)
    {
        var story = await db.Persons.IgnoreQueryFilters().Where(p => p.Gemeentecode == Gemeentecode && p.Bsn != null
                && ((p.Voornamen == "Sanne" && p.Achternaam == "Bakker") || (p.Voornamen == "Ria" && p.Achternaam == "Wit")))
            .Select(p => new { p.Voornamen, p.Bsn }).ToListAsync(ct);
        // The highest valid test BSN nobody in the demo has.
        var taken = (await db.Persons.IgnoreQueryFilters().Where(p => p.Bsn != null && p.Bsn.StartsWith("999999")).Select(p => p.Bsn!).ToListAsync(ct)).ToHashSet();
        var stranger = Enumerable.Range(0, 10_000).Select(i => (999_999_990 - i).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(b => Bsn.Parse(b).IsValid && !taken.Contains(b));
        var lookups = new List<(string? Bsn, string Organisation, string Purpose)>
        {
            (story.FirstOrDefault(p => p.Voornamen == "Sanne")?.Bsn, "Wonen", "aanvraag urgentieverklaring"),
            (story.FirstOrDefault(p => p.Voornamen == "Ria")?.Bsn, "Handhaving", "controle bijstand"),
            (stranger, "Werk & Inkomen", "aanvraag bijzondere bijstand"),
        };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var (bsn, organisation, purpose) in lookups)
        {
            if (bsn is null) continue;
            var involved = await db.Involvements.IgnoreQueryFilters().Where(Involvement.ActiveOn(today)).CountAsync(i => i.Gemeentecode == Gemeentecode && i.Bsn == bsn, ct);
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(Gemeentecode, "demo-" + organisation.ToLowerInvariant().Replace(' ', '-'), organisation, Roles.Afdeling, organisation: organisation);
            await scope.ServiceProvider.GetRequiredService<Features.Audit.AuditLog>().RecordAsync(Features.Audit.AuditActions.Lookup, Features.Audit.AuditResources.Involvement,
                purpose: purpose, detail: Features.Involvements.InvolvementLookup.AuditDetail(involved), ct: ct, subjectBsn: bsn);
        }
    }

    /// <summary>Adds <paramref name="count"/> synthetic households with members and history, in bulk.</summary>
    public async Task<TimeSpan> SeedHouseholdsAsync(int count, Action<int>? progress, CancellationToken ct, int? randomSeed = null)
    {
        var sw = Stopwatch.StartNew();
        current.ActAs(Gemeentecode, "systeem", "Demo-installatie");
        await new DemoSocialMap(db, Gemeentecode).SeedAsync(ct);
        var usedBsns = (await db.Persons.IgnoreQueryFilters().Where(p => p.Bsn != null).Select(p => p.Bsn!).ToListAsync(ct)).ToHashSet();
        var teamsByWijk = await db.Teams.Where(t => t.Wijk != null).ToDictionaryAsync(t => t.Wijk!, t => t.Id, ct);
        var generator = new DemoHouseholdGenerator(Gemeentecode, clock.GetUtcNow().UtcDateTime,
            Bsn.TestNumbers().Where(b => !usedBsns.Contains(b)).GetEnumerator(), randomSeed ?? Environment.TickCount, teamsByWijk);

        // The demo coordinators take the households of their own team.
        var coordinators = new Dictionary<Guid, string>();
        foreach (var login in Logins.Where(l => l.Role == Roles.Professional && l.Team is not null))
            if (await users.FindByEmailAsync(login.Email) is { TeamId: { } team } u) coordinators.TryAdd(team, u.Id);

        const int batchSize = 5_000;
        var done = 0;
        var first = !await db.Households.AnyAsync(ct);
        while (done < count)
        {
            var n = Math.Min(batchSize, count - done);
            var batch = generator.Generate(n, includeStory: first && done == 0);
            var assignments = new List<CoordinatorAssignment>();
            foreach (var h in batch.Households)
                if (h.ResponsibleTeamId is { } team && !batch.Closed.Contains(h.Id) && coordinators.TryGetValue(team, out var coordinator))
                {
                    h.AssignCoordinator(coordinator, null, h.UpdatedAt);
                    assignments.Add(new CoordinatorAssignment
                    {
                        Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, HouseholdId = h.Id, UserId = coordinator, From = h.CreatedAt, AssignedBy = "demo",
                    });
                }
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await BulkInserter.InsertAsync(db, batch.Households, ct);
                await BulkInserter.InsertAsync(db, batch.Persons, ct);
                await BulkInserter.InsertAsync(db, batch.Members, ct);
                await BulkInserter.InsertAsync(db, batch.Events, ct);
                await BulkInserter.InsertAsync(db, batch.Assessments, ct);
                await BulkInserter.InsertAsync(db, batch.Scores, ct);
                await BulkInserter.InsertAsync(db, assignments, ct);
                await BulkInserter.InsertAsync(db, await InvolvementsAsync(batch, ct), ct);
                await BulkInserter.InsertAsync(db, batch.Requests, ct);
                await BulkInserter.InsertAsync(db, batch.RequestPersons, ct);
                await BulkInserter.InsertAsync(db, batch.RequestScores, ct);
                await BulkInserter.InsertAsync(db, batch.Trajectories, ct);
                await BulkInserter.InsertAsync(db, batch.Plans, ct);
                await BulkInserter.InsertAsync(db, batch.Goals, ct);
                await BulkInserter.InsertAsync(db, batch.Actions, ct);
                await BulkInserter.InsertAsync(db, batch.Versions, ct);
                await BulkInserter.InsertAsync(db, batch.Agreements, ct);
                await BulkInserter.InsertAsync(db, batch.Evaluations, ct);
                await GrantPartnerAccessToStoryAsync(batch, ct);
                await tx.CommitAsync(ct);
            }
            done += n;
            progress?.Invoke(done);
        }
        await new DemoReferrals(db, Gemeentecode, clock).SeedAsync(ct);
        await new DemoProviders(db, Gemeentecode, clock).SeedAsync(ct);
        if (first) await new DemoDecisions(db, Gemeentecode, clock).SeedAsync(ct);
        await new DemoBudget(db, clock, Gemeentecode).SeedAsync(ct);
        await new DemoMonitor(db, Gemeentecode, clock).SeedAsync(ct);
        await new DemoEvaluations(db, Gemeentecode, clock).SeedAsync(ct);
        if (first) await StoryLookupsAsync(ct);
        if (first) await EmergencyAccessStoryAsync(ct);
        await new DemoMeldcode(db, Gemeentecode, clock).SeedAsync(ct);
        await new DemoVeiligVerder(db, clock).SeedAsync(ct);
        await new DemoNetwork(db, clock).SeedAsync(ct);
        await new DemoConsent(db, Gemeentecode, clock).SeedAsync(ct);
        // After the plan's changes above: the rondetafel agrees the plan version they leave.
        await new DemoConferences(db, clock).SeedAsync(ct);
        // After the consent above: the thread with the corporation needs the household's consent for messages.
        await new DemoContactNotes(db, clock).SeedAsync(ct);
        await new DemoVroegsignalering(db, Gemeentecode, clock).SeedAsync(ct);
        await new DemoIStandaarden(db, clock, scopes, Gemeentecode).SeedAsync(ct);
        await new DemoScenarios(db, current, clock, Gemeentecode).SeedAsync(ct);
        // Fresh statistics, so the first searches after a demo install are planned on real numbers.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        log.LogInformation("Seeded {Households} demo households in {Elapsed} ms", count, sw.ElapsedMilliseconds);
        return sw.Elapsed;
    }
}
