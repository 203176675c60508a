using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using System.Net;
using System.Text.Json;
using static Regie.Testing.Builders;

namespace Regie.Web.Tests;

/// <summary>A resident's own export (AVG art. 15) is about the resident: not about who lived with them before or after, nor about their goals.</summary>
public sealed class ResidentExportTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private const string HouseholdGoal = "Samen de huur elke maand op tijd betalen";
    private const string LeaverGoal = "Vertrekker vindt werk voor twintig uur";
    private const string StayerGoal = "Blijver laat de verslavingszorg de schulden overnemen";
    private const string Reason = "Zorgmelding over Blijver: acute crisis thuis, regisseur onbereikbaar";

    [Fact]
    public async Task A_resident_who_moved_out_does_not_get_a_later_emergency_reason_or_read_nor_another_members_goal()
    {
        Guid household, leaver, stayer;
        string leaverBsn, stayerBsn;
        await using (var scope = _app.Scope())
        {
            var sp = scope.ServiceProvider;
            var a = Member("Vertrekker", "Inzagetest");
            var b = Member("Blijver", "Inzagetest", geboortedatum: "04-05-1988");
            (leaverBsn, stayerBsn) = (a.Bsn!, b.Bsn!);
            household = await new Given(_app).Household([a, b], team: Given.Noord);
            var db = sp.GetRequiredService<RegieDbContext>();
            leaver = await db.Persons.Where(p => p.Bsn == leaverBsn).Select(p => p.Id).SingleAsync();
            stayer = await db.Persons.Where(p => p.Bsn == stayerBsn).Select(p => p.Id).SingleAsync();

            var plans = new PlanUseCases(sp);
            Assert.True((await plans.StartAsync(household, default)).IsOk);
            var version = 1;
            foreach (var (wat, persoon, domain) in new[] { (HouseholdGoal, (Guid?)null, "Financien"), (LeaverGoal, leaver, "WerkOpleiding"), (StayerGoal, stayer, "Middelengebruik") })
            {
                var added = await plans.AddGoalAsync(household, new GoalInput
                {
                    Leefgebied = domain, Wat = wat, MeetbaarResultaat = "Na drie maanden gehaald", Wie = "Met de regisseur", PersoonId = persoon,
                    Streefdatum = DateTime.UtcNow.AddDays(90).ToString("dd-MM-yyyy"), Versie = version,
                }, default);
                Assert.True(added.IsOk, string.Join(", ", added.Errors.Select(e => e.Code)));
                version = added.Value;
            }
        }
        // The team reads the file while both live there.
        using (var noord = await _app.SignedInClientAsync("regisseur@voorbeeld.nl"))
            Assert.Equal(HttpStatusCode.OK, (await noord.GetAsync($"/huishoudens/{household}")).StatusCode);

        // The leaver moves out.
        await using (var scope = _app.Scope())
        {
            var sp = scope.ServiceProvider;
            var elsewhere = await new Given(_app).Household(Member("Nieuwe", "Huisgenoot"));
            var moved = await sp.GetRequiredService<MovePersonHandler>().HandleAsync(leaver, new MovePersonInput { NaarHuishoudenId = elsewhere, Rol = "ouder" }, default);
            Assert.True(moved.IsOk, string.Join(", ", moved.Errors.Select(e => e.Code)));
        }

        // Later, a professional of another team breaks the glass for the one who stayed, and reads the file.
        using (var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl"))
        {
            var token = await TestApp.AntiforgeryTokenAsync(zuid, $"/huishoudens/{household}/noodtoegang");
            var granted = await zuid.PostAsync($"/huishoudens/{household}/noodtoegang",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Reden"] = Reason, ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await zuid.GetAsync($"/huishoudens/{household}")).StatusCode);
        }

        using var privacy = await _app.SignedInClientAsync("privacy@voorbeeld.nl");
        var leaverJson = await TestApp.InzageAsync(privacy, leaverBsn, json: true);
        var leaverPage = await TestApp.InzageAsync(privacy, leaverBsn);
        foreach (var text in new[] { leaverJson, leaverPage })
        {
            Assert.DoesNotContain("acute crisis", text);
            Assert.DoesNotContain("Koen Verhoeven", text);
            Assert.DoesNotContain(StayerGoal, text);
        }
        var export = JsonDocument.Parse(leaverJson).RootElement;
        Assert.DoesNotContain(export.GetProperty("toegang").EnumerateArray(), a => a.GetProperty("soort").GetString() == AccessKinds.BreakGlass);
        // What happened while the leaver lived there is still theirs: the registration, the goals, the team's read, the move.
        var events = export.GetProperty("gebeurtenissen").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("soort").GetString() == EventTypes.HouseholdCreated);
        Assert.Contains(events, e => e.GetProperty("soort").GetString() == EventTypes.PlanChanged && e.GetProperty("omschrijving").GetString()!.Contains(HouseholdGoal));
        Assert.Contains(events, e => e.GetProperty("soort").GetString() == EventTypes.MemberLeft);
        Assert.Contains(export.GetProperty("wieHeeftGegevensGezien").EnumerateArray(),
            r => r.GetProperty("wie").GetString() == "Fatima Bouzid" && r.GetProperty("actie").GetString() == "read" && r.GetProperty("onderdeel").GetString() == "household");
        Assert.Equal([("huishouden", HouseholdGoal), ("inwoner", LeaverGoal)],
            export.GetProperty("doelen").EnumerateArray().Select(g => (g.GetProperty("voor").GetString(), g.GetProperty("wat").GetString())).OrderBy(g => g.Item1));

        // The one who stayed gets all of it: the reason, the read and their own goal are in Regie, just not the leaver's to see.
        var stayerJson = await TestApp.InzageAsync(privacy, stayerBsn, json: true);
        var stayerExport = JsonDocument.Parse(stayerJson).RootElement;
        Assert.Contains(stayerExport.GetProperty("toegang").EnumerateArray(), a => a.GetProperty("soort").GetString() == AccessKinds.BreakGlass && a.GetProperty("reden").GetString() == Reason);
        Assert.Contains(stayerExport.GetProperty("wieHeeftGegevensGezien").EnumerateArray(), r => r.GetProperty("wie").GetString() == "Koen Verhoeven");
        Assert.Contains(stayerExport.GetProperty("doelen").EnumerateArray(), g => g.GetProperty("wat").GetString() == StayerGoal);
        Assert.DoesNotContain(LeaverGoal, stayerJson);
    }
}
