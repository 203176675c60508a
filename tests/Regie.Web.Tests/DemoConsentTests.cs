using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Demo;
using System.Net;

namespace Regie.Web.Tests;

/// <summary>Seed 003 in the demo: the housing corporation looks into Sanne Bakker's plan with her consent, and the file has contact notes and a message thread (issue 21).</summary>
public sealed class DemoConsentTests(DemoMeldcodeFixture fixture) : IClassFixture<DemoMeldcodeFixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task The_corporations_demo_account_finds_its_action_in_the_story_households_plan_and_the_coordinator_the_consent()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var household = await db.Households.Where(h => h.Naam == DemoMeldcode.StoryHousehold).Select(h => h.Id).SingleAsync();
        var consent = await db.Consents.SingleAsync();
        Assert.Equal(household, consent.HouseholdId);
        Assert.Equal("Inkijk,Berichten", consent.Scopes);
        Assert.StartsWith("Sanne Bakker", consent.GivenByName);

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        var list = WebUtility.HtmlDecode(await partner.GetStringAsync("/inkijk"));
        Assert.Contains($"<a class=\"utrecht-link\" href=\"/inkijk/{household}\">{DemoMeldcode.StoryHousehold}</a>", list);
        var page = WebUtility.HtmlDecode(await partner.GetStringAsync($"/inkijk/{household}"));
        Assert.Contains(DemoConsent.CorporationAction, page);
        Assert.Contains("Eerste gesprek gehad; voorstel voor een betalingsregeling is verstuurd.", page);

        using var coordinator = await _app.SignedInClientAsync();
        var consents = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/huishoudens/{household}/toestemmingen"));
        Assert.Contains("<td class=\"utrecht-table__cell\">Woningcorporatie Thuis</td>", consents);
        Assert.Contains("<td class=\"utrecht-table__cell\">Inkijk in het plan, Berichten</td>", consents);
    }
    [Fact]
    public async Task The_story_household_has_two_contact_notes_one_revised_and_a_message_thread_with_the_corporation()
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var household = await db.Households.Where(h => h.Naam == DemoMeldcode.StoryHousehold).Select(h => h.Id).SingleAsync();
        var notes = await db.ContactNotes.Where(n => n.HouseholdId == household).OrderBy(n => n.Date).ToListAsync();
        Assert.Equal([(ContactKind.Huisbezoek, 2), (ContactKind.Telefonisch, 1)], notes.Select(n => (n.Kind, n.Version)).ToList());
        Assert.Equal(3, await db.ContactNoteVersions.CountAsync());
        Assert.Equal([DemoContactNotes.HomeVisitText, DemoContactNotes.HomeVisitRevisedText], await db.ContactNoteVersions.Where(v => v.ContactNoteId == notes[0].Id)
            .OrderBy(v => v.Number).Select(v => v.Text).ToListAsync());
        Assert.Equal([EventTypes.ContactNoteRecorded, EventTypes.ContactNoteRevised, EventTypes.ContactNoteRecorded], await db.HouseholdEvents
            .Where(e => e.HouseholdId == household && e.Type.StartsWith("contact-note.")).OrderBy(e => e.OccurredAt).Select(e => e.Type).ToListAsync());

        var thread = await db.MessageThreads.SingleAsync();
        var corporation = await db.Organisations.Where(o => o.Name == DemoConsent.Corporation).Select(o => o.Id).SingleAsync();
        Assert.Equal((household, corporation, DemoContactNotes.ThreadSubject), (thread.HouseholdId, thread.OrganisationId, thread.Subject));
        Assert.Equal([null, corporation], await db.Messages.Where(m => m.ThreadId == thread.Id).OrderBy(m => m.SentAt).Select(m => m.AuthorOrganisationId).ToListAsync());

        using var coordinator = await _app.SignedInClientAsync();
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/huishoudens/{household}/contacten/{notes[0].Id}"));
        Assert.Contains("Huidige versie (versie 2)", page);
        Assert.Contains("Gewijzigd: notitie. Reden: De afspraak over de woningcorporatie aangevuld", page);
        Assert.Contains(DemoContactNotes.HomeVisitText + "</dd>", page);
        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.Contains($"href=\"/huishoudens/{household}/berichten/{thread.Id}\">{DemoContactNotes.ThreadSubject}</a>", WebUtility.HtmlDecode(await partner.GetStringAsync("/berichten")));
    }
}
