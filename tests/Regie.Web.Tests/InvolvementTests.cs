using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Involvements;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Trajectories;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Testing.Builders;

namespace Regie.Web.Tests;

/// <summary>A Regie whose outbox goes to a mail server that is down at first (see the outbox test).</summary>
public sealed class InvolvementFixture : IAsyncLifetime
{
    public int SmtpPort { get; } = SmtpSink.FreePort();
    public TestApp App { get; private set; } = default!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Smtp:PollSeconds"] = "3600",
    });
    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class InvolvementTests(InvolvementFixture fixture) : IClassFixture<InvolvementFixture>
{
    private readonly TestApp _app = fixture.App;

    private AsyncServiceScope As(string role, string organisation, string actor = "afdeling-medewerker")
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, actor, actor, role, organisation: organisation);
        return scope;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Seed 003: Sanne and her children moved in with her mother Ria; a coordinator of Noord holds the file.</summary>
    private async Task<(Guid Household, string Ria, string Sanne)> StoryAsync(string family)
    {
        var (ria, sanne) = (TestApp.NextBsn(), TestApp.NextBsn());
        var given = new Given(_app);
        var household = await given.Household(
            Member("Ria", "Wit" + family, voorvoegsel: "de", bsn: ria, geboortedatum: "12-04-1961"),
            Member("Sanne", "Bakker" + family, rol: "overig", bsn: sanne, geboortedatum: "03-09-1989"),
            Member("Noah", "Bakker" + family, rol: "kind", bsn: null, geboortedatum: "17-02-2015"));
        await given.CoordinatedBy(household, Given.Coordinator);
        return (household, ria, sanne);
    }

    private static InvolvementInput Registration(string bsn, string contact) =>
        new() { Bsn = bsn, Contactpersoon = contact, Telefoon = "14 0999", Email = $"{contact.Split(' ')[0].ToLowerInvariant()}@voorbeeld.nl", Leefgebied = "Huisvesting", Reden = "Lopende aanvraag" };

    [Fact]
    public async Task Seed_003_departments_find_the_coordinator_and_their_registrations_reach_the_coordinators_inbox()
    {
        var (household, ria, sanne) = await StoryAsync("");

        // The housing department, asked for an urgent-housing declaration, looks Sanne up.
        await using (var wonen = As(Roles.Afdeling, "Wonen"))
        {
            var found = (await wonen.ServiceProvider.GetRequiredService<InvolvementLookup>().LookupAsync(sanne, "aanvraag urgentieverklaring", default)).Value!;
            Assert.True(found.Betrokken);
            Assert.Equal(("Fatima Bouzid", "Wijkteam Noord"), (found.Regisseur!.Naam, found.Regisseur.Team));
            Assert.Equal("fatima.bouzid@voorbeeld.nl".Length > 0, found.Regisseur.Email is not null);
            Assert.Empty(found.Organisaties);
            Assert.True((await wonen.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>().HandleAsync(Registration(sanne, "Joke Vermeer"), default)).IsOk);
        }
        // The benefit inspectors look up the grandmother before their visit.
        await using (var handhaving = As(Roles.Afdeling, "Handhaving"))
        {
            var found = (await handhaving.ServiceProvider.GetRequiredService<InvolvementLookup>().LookupAsync(ria, "controle bijstand", default)).Value!;
            Assert.Equal("Fatima Bouzid", found.Regisseur!.Naam);
            Assert.True((await handhaving.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>().HandleAsync(Registration(ria, "Karel Dijkstra"), default)).IsOk);
        }

        // The coordinator sees both matches in her inbox: who, and how to reach them; nothing about why.
        var fatima = await UserIdAsync("regisseur@voorbeeld.nl");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
            user.ActAs(TestApp.Gemeentecode, fatima, "Fatima Bouzid", Roles.Professional);
            var inbox = await InboxModel.InboxQuery(scope.ServiceProvider.GetRequiredService<RegieDbContext>(), user).ToListAsync();
            Assert.Contains(inbox, n => n.Title == "Match: Wonen is ook betrokken bij een huishouden dat u regisseert" && n.HouseholdId == household
                && n.Body.Contains("Joke Vermeer, 14 0999, joke@voorbeeld.nl", StringComparison.Ordinal));
            Assert.Contains(inbox, n => n.Title == "Match: Handhaving is ook betrokken bij een huishouden dat u regisseert" && n.Body.Contains("Karel Dijkstra", StringComparison.Ordinal));
            Assert.All(inbox, n => Assert.DoesNotContain(sanne, n.Body));
        }
        // Housing hears of the team, which is involved with Sanne; not of the inspectors, who are involved with her mother.
        await using (var wonen = As(Roles.Afdeling, "Wonen"))
        {
            var inbox = await InboxModel.InboxQuery(wonen.ServiceProvider.GetRequiredService<RegieDbContext>(), wonen.ServiceProvider.GetRequiredService<CurrentUser>()).ToListAsync();
            Assert.Contains(inbox, n => n.Title.StartsWith("Match: ook anderen zijn betrokken", StringComparison.Ordinal) && n.Body.Contains("Wijkteam Noord", StringComparison.Ordinal));
            Assert.DoesNotContain(inbox, n => n.Title.Contains("Handhaving", StringComparison.Ordinal) || n.Body.Contains("Handhaving", StringComparison.Ordinal) || n.Body.Contains("Karel Dijkstra", StringComparison.Ordinal));
        }
        // Every look-up is on record with its purpose.
        await using (var scope = _app.Scope())
        {
            var lookups = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
                .Where(e => e.Action == "lookup").Select(e => new { e.Purpose, e.SubjectBsn }).ToListAsync();
            Assert.Contains(new { Purpose = (string?)"aanvraag urgentieverklaring", SubjectBsn = (string?)sanne }, lookups);
            Assert.Contains(new { Purpose = (string?)"controle bijstand", SubjectBsn = (string?)ria }, lookups);
        }

        // Closing the trajectory ends the team's involvement: a later look-up finds the departments only.
        await using (var scope = _app.Scope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<RegieDbContext>();
            db.Trajectories.Add(new Trajectory { Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, HouseholdId = household, OpenedOn = DateOnly.FromDateTime(DateTime.UtcNow), OpenedBy = "test", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var person = await db.Persons.Where(p => p.Bsn == ria).Select(p => p.Id).SingleAsync();
            Assert.True((await sp.GetRequiredService<Regie.Web.Features.Assessments.RecordZrmAssessmentHandler>().HandleAsync(household,
                new() { PersonId = person, Scores = new() { [Regie.Domain.Assessment.ZrmDomain.Huisvesting] = "3" } }, default)).IsOk);
            Assert.True((await sp.GetRequiredService<CloseTrajectoryHandler>().HandleAsync(household, new ClosingInput { Reden = "InwonerStopt", Versie = 0 }, default)).IsOk);
        }
        await using (var wonen = As(Roles.Afdeling, "Wonen"))
        {
            var found = (await wonen.ServiceProvider.GetRequiredService<InvolvementLookup>().LookupAsync(sanne, "vervolg", default)).Value!;
            Assert.Null(found.Regisseur);
            Assert.Equal(["Wonen"], found.Organisaties.Select(o => o.Organisatie));
        }
    }

    [Fact]
    public async Task A_department_sees_no_file_and_unknown_and_uninvolved_persons_answer_the_same()
    {
        var registered = TestApp.NextBsn();
        await new Given(_app).Household(Member("Onbe", "Trokken", bsn: registered));
        using var client = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        // A valid BSN outside the test range, which no test registers.
        var unknown = await client.GetAsync("/api/v1/lookup/123456782?doel=bijstandsaanvraag");
        var known = await client.GetAsync($"/api/v1/lookup/{registered}?doel=bijstandsaanvraag");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Equal("""{"betrokken":false,"regisseur":null,"organisaties":[]}""", await known.Content.ReadAsStringAsync());

        var invalid = await client.GetAsync("/api/v1/lookup/123456789?doel=x");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("bsn-invalid", (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString());
        var noPurpose = await client.GetAsync($"/api/v1/lookup/{registered}");
        Assert.Equal(InvolvementLookup.PurposeRequiredCode, (await noPurpose.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString());

        // The look-up never opens a file: households and persons stay out of reach for a department.
        await using var s = _app.Scope();
        var household = await s.ServiceProvider.GetRequiredService<RegieDbContext>().Persons.Where(p => p.Bsn == registered).SelectMany(p => p.Memberships).Select(m => m.HouseholdId).SingleAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/households/{household}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/huishoudens/{household}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/persons?bsn={registered}")).StatusCode);

        // Withdrawing works for one's own registration only.
        Guid id;
        await using (var wi = As(Roles.Afdeling, "Werk & Inkomen"))
            id = (await wi.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>().HandleAsync(Registration(registered, "Ruud Hendriks"), default)).Value;
        await using (var other = As(Roles.Partner, "Woningcorporatie Thuis"))
            Assert.Equal(CommandStatus.NotFound, (await other.ServiceProvider.GetRequiredService<WithdrawInvolvementHandler>().HandleAsync(id, default)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/involvements/{id}")).StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await (await client.GetAsync($"/api/v1/lookup/{registered}?doel=na intrekken")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_match_is_mailed_through_the_outbox_and_a_mail_server_that_is_down_loses_nothing()
    {
        var (_, _, sanne) = await StoryAsync("-Mail");
        await using (var wonen = As(Roles.Afdeling, "Wonen"))
            Assert.True((await wonen.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>().HandleAsync(Registration(sanne, "Joke Vermeer"), default)).IsOk);

        var sender = _app.Services.GetRequiredService<OutboxSender>();
        long[] pending;
        await using (var scope = _app.Scope())
            pending = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().OutboxMessages.Where(m => m.SentAt == null).Select(m => m.Id).ToArrayAsync();
        // The outbox is shared with this class's other tests, whose mails wait too while no server listens: not an exact count.
        Assert.NotEmpty(pending);

        // The mail server is down: the registration stood, the messages wait with a later attempt planned.
        Assert.Equal(0, await sender.SendPendingAsync(default));
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var waiting = await db.OutboxMessages.Where(m => pending.Contains(m.Id)).ToListAsync();
            Assert.All(waiting, m => Assert.Equal((1, (DateTime?)null), (m.Attempts, m.SentAt)));
            Assert.All(waiting, m => Assert.True(m.NextAttemptAt > DateTime.UtcNow));
            await db.OutboxMessages.Where(m => pending.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        // The server is back: the next pass delivers them, once.
        await using var sink = SmtpSink.Start(fixture.SmtpPort);
        Assert.True(await sender.SendPendingAsync(default) >= pending.Length);
        Assert.Equal(0, await sender.SendPendingAsync(default));
        var mails = sink.Messages.ToList();
        Assert.Contains(mails, m => m.To == "joke@voorbeeld.nl" && m.Data.Contains("Wijkteam Noord", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.To == "regisseur@voorbeeld.nl" && m.Data.Contains("Wonen is nu ook betrokken", StringComparison.Ordinal));
        // The BSN never leaves Regie by mail.
        Assert.All(mails, m => Assert.DoesNotContain(sanne, m.Data));
    }

    [Fact]
    public async Task A_department_employee_looks_a_resident_up_on_the_page_and_sees_whom_to_call()
    {
        var (_, _, sanne) = await StoryAsync("-Pagina");
        using var client = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        var token = await TestApp.AntiforgeryTokenAsync(client, "/opzoeken");
        var page = await client.PostAsync("/opzoeken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Bsn"] = sanne, ["Input.Doel"] = "aanvraag bijzondere bijstand", ["__RequestVerificationToken"] = token,
        }));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Er is al iemand betrokken", html);
        Assert.Contains("Fatima Bouzid (Wijkteam Noord)", html);
        // Only whom to call: not the household, the plan or anything else of the file.
        Assert.DoesNotContain("Huishouden", html);
        Assert.DoesNotContain("Bakker-Pagina", html);

        token = await TestApp.AntiforgeryTokenAsync(client, "/opzoeken");
        html = WebUtility.HtmlDecode(await (await client.PostAsync("/opzoeken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Bsn"] = "12345678", ["Input.Doel"] = "", ["__RequestVerificationToken"] = token,
        }))).Content.ReadAsStringAsync());
        Assert.Contains("Input_Bsn-error", html);
        Assert.Contains("Vul in waarom u opzoekt", html);
    }

    [Fact]
    public async Task A_registration_not_renewed_ends_after_its_term_and_a_renewed_one_runs_on_and_no_person_is_ever_created()
    {
        var (stale, kept) = (TestApp.NextBsn(), TestApp.NextBsn());
        int persons;
        await using (var scope = _app.Scope())
            persons = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Persons.CountAsync();

        // School attendance registers two pupils Regie has never heard of: the BSN lives in the registration only.
        using var client = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        Guid staleId, keptId;
        await using (var leerplicht = As(Roles.Afdeling, "Leerplicht"))
        {
            var register = leerplicht.ServiceProvider.GetRequiredService<RegisterInvolvementHandler>();
            staleId = (await register.HandleAsync(Registration(stale, "Anja de Vries"), default)).Value;
            keptId = (await register.HandleAsync(Registration(kept, "Anja de Vries"), default)).Value;
        }
        Assert.True((await (await client.GetAsync($"/api/v1/lookup/{stale}?doel=aanvraag bijstand")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("betrokken").GetBoolean());

        // Another organisation cannot renew (or learn of) Leerplicht's registration.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/involvements/{keptId}/renew", null)).StatusCode);

        // Both reach the end of their term; only one is renewed before that.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            await db.Involvements.Where(i => i.Id == staleId).ExecuteUpdateAsync(u => u.SetProperty(i => i.ExpiresOn, today.AddDays(-1)));
            await db.Involvements.Where(i => i.Id == keptId).ExecuteUpdateAsync(u => u.SetProperty(i => i.ExpiresOn, today.AddDays(3)));
        }
        await using (var leerplicht = As(Roles.Afdeling, "Leerplicht"))
        {
            var renew = leerplicht.ServiceProvider.GetRequiredService<RenewInvolvementHandler>();
            Assert.True((await renew.HandleAsync(keptId, default)).IsOk);
            // An expired registration is over: renewing it is not possible, registering again is.
            Assert.Equal(CommandStatus.NotFound, (await renew.HandleAsync(staleId, default)).Status);
        }
        // Past its term the look-up no longer names it, even before the job has run.
        Assert.Equal("""{"betrokken":false,"regisseur":null,"organisaties":[]}""", await client.GetStringAsync($"/api/v1/lookup/{stale}?doel=aanvraag bijstand"));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs("", "betrokkenheid-verloop", "Verloop betrokkenheid (automatisch)");
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExpireInvolvementsHandler>().HandleAsync(default) >= 1);
        }
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var ended = await db.Involvements.SingleAsync(i => i.Id == staleId);
            Assert.Equal((today.AddDays(-1), Involvement.ExpiredReason), (ended.EndedOn, ended.EndReason));
            var renewed = await db.Involvements.SingleAsync(i => i.Id == keptId);
            Assert.Equal((today.AddYears(2), (DateOnly?)null), (renewed.ExpiresOn, renewed.EndedOn));
            // Neither the look-ups nor the registrations of unknown BSNs made a person in the registry.
            Assert.Equal(persons, await db.Persons.CountAsync());
            Assert.False(await db.Persons.AnyAsync(p => p.Bsn == stale || p.Bsn == kept));
        }
        // The department renews its own registration through the API.
        var created = await client.PostAsJsonAsync("/api/v1/involvements", new { bsn = kept, contactpersoon = "Ruud Hendriks", email = "ruud@voorbeeld.nl", reden = "Bijstandsuitkering" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var own = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/involvements/{own}/renew", null)).StatusCode);
    }

    [Fact]
    public async Task An_api_key_acts_for_its_organisation_by_id_also_after_the_organisation_is_renamed()
    {
        var organisation = Guid.CreateVersion7();
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.Organisations.Add(new Organisation { Id = organisation, Gemeentecode = TestApp.Gemeentecode, Name = "Jeugdgezondheidszorg", Kind = "partner" });
            await db.SaveChangesAsync();
        }
        string key;
        await using (var scope = _app.Scope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<Regie.Web.Features.ApiKeys.ApiKeyService>()
                .CreateAsync("Jeugdgezondheidszorg", Roles.Partner, TestApp.Gemeentecode, "test", default);
            Assert.Equal(organisation, created.Value.Row.OrganisationId);
            key = created.Value.Key;
            await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Organisations.Where(o => o.Id == organisation)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Name, "JGZ Voorbeeld"));
        }
        using var client = _app.AnonymousClient();
        client.DefaultRequestHeaders.Add(Regie.Web.Features.ApiKeys.ApiKeyDefaults.Header, key);
        var bsn = TestApp.NextBsn();
        var response = await client.PostAsJsonAsync("/api/v1/involvements", new { bsn, contactpersoon = "Els Vos", telefoon = "0999 112233", reden = "Consultatiebureau" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            Assert.Equal(organisation, (await db.Involvements.SingleAsync(i => i.Bsn == bsn)).OrganisationId);
            // Not a second organisation under the key's old name.
            Assert.False(await db.Organisations.AnyAsync(o => o.Name == "Jeugdgezondheidszorg"));
        }
        using var department = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        var found = await (await department.GetAsync($"/api/v1/lookup/{bsn}?doel=aanvraag bijstand")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("JGZ Voorbeeld", found.GetProperty("organisaties")[0].GetProperty("organisatie").GetString());
    }

    [Fact]
    public async Task Demo_department_and_partner_accounts_are_linked_to_their_organisation()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var linked = await db.Users.Where(u => u.Organisation != null)
            .Select(u => new { u.Organisation, Linked = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault() }).ToListAsync();
        Assert.NotEmpty(linked);
        Assert.All(linked, u => Assert.Equal(u.Organisation, u.Linked));
    }

    [Fact]
    public async Task Department_registering_an_involvement_that_started_in_year_one_gets_problem_json_and_nothing_is_registered()
    {
        var bsn = TestApp.NextBsn();
        using var client = await _app.SignedInClientAsync("werkeninkomen@voorbeeld.nl");
        var response = await client.PostAsJsonAsync("/api/v1/involvements",
            new { bsn, contactpersoon = "Ruud Hendriks", email = "ruud@voorbeeld.nl", reden = "Bijstandsuitkering", startdatum = "01-01-0001" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Regie.Domain.Common.DateRules.TooEarlyCode, problem.GetProperty("code").GetString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal((Regie.Domain.Common.DateRules.TooEarlyCode, "startdatum"), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
        var earliest = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-20).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"De startdatum (01-01-0001) ligt meer dan 20 jaar terug. Kies een datum vanaf {earliest}; controleer het jaar.", error.GetProperty("message").GetString());
        await using var scope = _app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Involvements.AnyAsync(i => i.Bsn == bsn));
    }
}
