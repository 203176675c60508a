using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;
using SafetyCheck = Regie.Domain.Safety.SafetyCheck;

namespace Regie.Web.Tests;

/// <summary>
/// The Meldcode huiselijk geweld en kindermishandeling as the coordinator works it: the intake's safety concern opens the
/// track, the five steps follow in order, the afwegingskader's outcome decides what the decision may be (the meldnorm), the
/// decision closes the track, and entries are never changed: a correction is a new entry, and the database refuses updates.
/// </summary>
public sealed class MeldcodeTrackTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    /// <summary>Sanne and her daughter Noor, held by Wijkteam Noord with the demo professional (Fatima Bouzid) as coordinator.</summary>
    private async Task<Family> FamilyAsync(string surname)
    {
        var family = await Given.Family(surname, team: Given.Noord);
        await Given.CoordinatedBy(family.Household, Given.Coordinator);
        return family;
    }

    private async Task<int> TracksInDatabaseAsync(Guid household)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().MeldcodeTracks.CountAsync(t => t.HouseholdId == household);
    }

    private static Dictionary<string, string> Answers(string kind = "Nee") =>
        SafetyCheck.Questions.ToDictionary(q => q.Key, q => q.Key == "kind" ? kind : "Nee");

    [Fact]
    public async Task Intake_with_a_safety_concern_opens_a_meldcode_track_with_the_signals_as_step_one_and_marks_the_household()
    {
        var (household, _, child) = await FamilyAsync("Zorgsignaal");
        using var client = await _app.SignedInClientAsync();
        var created = await client.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "School", omschrijving = "Noor komt vaak te laat en zonder ontbijt", personen = new[] { child } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.DoesNotContain("id=\"veiligheid\"", await client.GetStringAsync($"/huishoudens/{household}"));

        const string note = "Noor vertelde de juf op 2 december dat papa haar slaat; de juf zag blauwe plekken op haar arm.";
        var intake = await OkAsync(await client.PutAsJsonAsync($"/api/v1/requests/{request}/intake", new
        {
            scores = new Dictionary<string, string> { [$"{child}:Tijdsbesteding"] = "2" },
            veiligheid = Answers(kind: "Ja"),
            veiligheidOordeel = "Zorgen",
            veiligheidToelichting = note,
            versie = 0,
        }));
        Assert.Equal(("Zorgen", SafetyCheck.Advice(SafetyJudgement.Zorgen)),
            (intake.GetProperty("veiligheidOordeel").GetString(), intake.GetProperty("veiligheidAdvies").GetString()));

        var list = await OkAsync(await client.GetAsync(Base(household)));
        var summary = Assert.Single(list.EnumerateArray());
        Assert.Equal(("Open", "Overleg"), (summary.GetProperty("status").GetString(), summary.GetProperty("wachtOp").GetString()));
        Assert.Equal([$"Noor Zorgsignaal"], summary.GetProperty("personen").EnumerateArray().Select(p => p.GetProperty("naam").GetString()));
        var track = await TrackAsync(client, household, summary.GetProperty("id").GetGuid());
        var signals = Assert.Single(track.GetProperty("vastleggingen").EnumerateArray());
        Assert.Equal("Signalen", signals.GetProperty("stap").GetString());
        Assert.Equal($"{SafetyCheck.Questions.Single(q => q.Key == "kind").Text} Ja.\n{note}", signals.GetProperty("tekst").GetString());
        Assert.Equal(("Fatima Bouzid", "Fatima Bouzid", Today),
            (signals.GetProperty("wie").GetString(), signals.GetProperty("vastgelegdDoor").GetString(), signals.GetProperty("datum").GetString()));
        Assert.Equal(1, track.GetProperty("versie").GetInt32());

        var file = await client.GetStringAsync($"/huishoudens/{household}");
        Assert.Contains("id=\"veiligheid\"", file);
        Assert.Contains($"href=\"/huishoudens/{household}/meldcode\"", file);
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        Assert.Equal(request, (await db.MeldcodeTracks.SingleAsync(t => t.HouseholdId == household)).RequestId);
        Assert.Equal(["signalen bij intake"], await db.AuditEntries
            .Where(a => a.HouseholdId == household && a.Resource == AuditResources.Meldcode && a.Action == AuditActions.Create).Select(a => a.Detail).ToListAsync());
    }

    [Fact]
    public async Task A_second_concern_adds_its_signals_to_the_open_track_and_a_safe_intake_opens_none()
    {
        var (household, parent, child) = await FamilyAsync("Tweedesignaal");
        using var client = await _app.SignedInClientAsync();
        var track = await OpenAsync(client, household, personen: [child]);

        async Task IntakeAsync(Guid forHousehold, Guid person, string judgement, string kind, string? note)
        {
            var created = await client.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = forHousehold, bron = "Inwoner", omschrijving = "Hulp gevraagd", personen = new[] { person } });
            var request = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await OkAsync(await client.PutAsJsonAsync($"/api/v1/requests/{request}/intake", new
            {
                scores = new Dictionary<string, string>(), veiligheid = Answers(kind), veiligheidOordeel = judgement, veiligheidToelichting = note, versie = 0,
            }));
        }

        await IntakeAsync(household, parent, "Acuut", "Onbekend", "Moeder belde in paniek: vader staat voor de deur en dreigt.");
        var view = await TrackAsync(client, household, track);
        Assert.Equal(["Signalen", "Signalen"], Entries(view).Select(e => e.Stap));
        Assert.Equal(2, view.GetProperty("versie").GetInt32());
        Assert.Equal(1, await TracksInDatabaseAsync(household));

        var (safe, safeParent, _) = await FamilyAsync("Geensignaal");
        await IntakeAsync(safe, safeParent, "Veilig", "Nee", null);
        Assert.Equal(0, (await OkAsync(await client.GetAsync(Base(safe)))).GetArrayLength());
        Assert.DoesNotContain("id=\"veiligheid\"", await client.GetStringAsync($"/huishoudens/{safe}"));
        Assert.Equal(0, await TracksInDatabaseAsync(safe));
    }

    [Fact]
    public async Task An_intake_judged_safe_over_a_yes_without_an_explanation_is_refused_and_opens_no_track()
    {
        var (household, parent, _) = await FamilyAsync("Veiligzonderuitleg");
        using var client = await _app.SignedInClientAsync();
        var created = await client.PostAsJsonAsync("/api/v1/requests", new { huishoudenId = household, bron = "Inwoner", omschrijving = "Hulp gevraagd", personen = new[] { parent } });
        var request = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var refused = await client.PutAsJsonAsync($"/api/v1/requests/{request}/intake", new
        {
            scores = new Dictionary<string, string>(), veiligheid = Answers("Ja"), veiligheidOordeel = "Veilig", versie = 0,
        });
        Assert.Equal((SafetyCheck.ExplanationRequiredCode, "veiligheidToelichting"), await ProblemAsync(refused, HttpStatusCode.BadRequest));
        Assert.Equal(0, await TracksInDatabaseAsync(household));
        Assert.Equal("Ontvangen", (await OkAsync(await client.GetAsync($"/api/v1/requests/{request}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Coordinator_takes_a_track_through_the_five_steps_and_the_meldnorm_leaves_only_a_report_to_veilig_thuis()
    {
        var (household, _, child) = await FamilyAsync("Meldnorm");
        using var client = await _app.SignedInClientAsync();
        var track = await OpenAsync(client, household, personen: [child]);

        // The weighing follows signals, a consultation and the conversation: refused, and nothing saved.
        Assert.Equal((MeldcodeRules.StepOrderCode, ""), await ProblemAsync(await WeighAsync(client, household, track, 1, "Ja", "Ja"), HttpStatusCode.BadRequest));
        Assert.Equal((MeldcodeRules.StepOrderCode, ""), await ProblemAsync(await DecideAsync(client, household, track, new { besluit = "Afgesloten", toelichting = "x", versie = 1 }), HttpStatusCode.BadRequest));
        Assert.Equal(1, (await TrackAsync(client, household, track)).GetProperty("versie").GetInt32());

        Assert.Equal(2, await VersionAsync(await ConsultAsync(client, household, track, 1, met: "VeiligThuis", naam: "Adviseur Veilig Thuis", advies: "Spreek moeder, weeg daarna; bel bij acuut gevaar.")));
        Assert.Equal(3, await VersionAsync(await ConverseAsync(client, household, track, 2, gevoerd: "Nee", met: null, verslag: "Niet gevoerd: het gesprek brengt Noor in gevaar.")));
        Assert.Equal(4, await VersionAsync(await WeighAsync(client, household, track, 3, "Ja", "Ja")));
        var weighed = await TrackAsync(client, household, track);
        Assert.Equal(("Melden", "Besluit"), (weighed.GetProperty("uitkomst").GetString(), weighed.GetProperty("wachtOp").GetString()));
        var weighing = weighed.GetProperty("vastleggingen").EnumerateArray().Single(e => e.GetProperty("stap").GetString() == "Weging");
        Assert.Equal([(1, "Ja", "Onderbouwing bij afweging 1."), (2, "Ja", "Onderbouwing bij afweging 2.")], weighing.GetProperty("afwegingen").EnumerateArray()
            .Select(a => (a.GetProperty("afweging").GetInt32(), a.GetProperty("antwoord").GetString(), a.GetProperty("onderbouwing").GetString())));
        Assert.Equal(Afwegingskader.Label(WeighingOutcome.Melden), weighing.GetProperty("tekst").GetString());

        // The meldnorm: help or closing against a weighing that says "melden" is refused at the decision.
        foreach (var other in new[] { "HulpGeorganiseerd", "Afgesloten" })
            Assert.Equal((MeldcodeRules.MeldnormCode, "besluit"),
                await ProblemAsync(await DecideAsync(client, household, track, new { besluit = other, toelichting = "Hulp loopt al", versie = 4 }), HttpStatusCode.BadRequest));
        Assert.Equal((MeldcodeInputRules.ReportIncompleteCode, "informeertGezin"), await ProblemAsync(await DecideAsync(client, household, track,
            new { besluit = "GemeldBijVeiligThuis", toelichting = "Vermoeden van lichamelijke mishandeling van Noor", kanaal = "Telefonisch", versie = 4 }), HttpStatusCode.BadRequest));

        Assert.Equal(5, await VersionAsync(await DecideAsync(client, household, track, new
        {
            besluit = "GemeldBijVeiligThuis", toelichting = "Vermoeden van lichamelijke mishandeling van Noor", datum = Today, kanaal = "Telefonisch",
            referentie = "VT-2026-0042", informeertGezin = "De regisseur, samen met Veilig Thuis", versie = 4,
        })));
        var decided = await TrackAsync(client, household, track);
        Assert.Equal(("Besloten", "GemeldBijVeiligThuis", Today), (decided.GetProperty("status").GetString(), decided.GetProperty("besluit").GetString(), decided.GetProperty("beslotenOp").GetString()));
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("wachtOp").ValueKind);
        Assert.Equal(["Signalen", "Overleg", "Gesprek", "Weging", "Besluit"], Entries(decided).Select(e => e.Stap));
        var report = decided.GetProperty("vastleggingen")[4];
        Assert.Equal(("Telefonisch", "VT-2026-0042", "De regisseur, samen met Veilig Thuis"),
            (report.GetProperty("kanaal").GetString(), report.GetProperty("referentie").GetString(), report.GetProperty("wie").GetString()));
        Assert.Equal(["Signalen", "Overleg", "Gesprek", "Weging", "Besluit"], decided.GetProperty("duur").EnumerateArray().Select(d => d.GetProperty("stap").GetString()));
        Assert.All(decided.GetProperty("duur").EnumerateArray(), d => Assert.Equal(Today, d.GetProperty("tot").GetString()));

        // A decided track is closed: no further step, and new signals open a new track.
        Assert.Equal((MeldcodeRules.TrackClosedCode, ""), await ProblemAsync(await ConsultAsync(client, household, track, 5), HttpStatusCode.BadRequest));
        var next = await OpenAsync(client, household);
        Assert.NotEqual(track, next);
        var list = await OkAsync(await client.GetAsync(Base(household)));
        Assert.Equal([(next, "Open"), (track, "Besloten")], list.EnumerateArray().Select(t => (t.GetProperty("id").GetGuid(), t.GetProperty("status").GetString())));
        Assert.Equal(["Noor Meldnorm"], list[1].GetProperty("personen").EnumerateArray().Select(p => p.GetProperty("naam").GetString()));
        Assert.Equal(["Noor Meldnorm", "Sanne Meldnorm"], list[0].GetProperty("personen").EnumerateArray().Select(p => p.GetProperty("naam").GetString()));
    }

    [Theory]
    [InlineData("GeenVermoeden", "Nee")]
    [InlineData("Melden", "Ja", "Ja")]
    [InlineData("Melden", "Ja", "Nee", "Nee")]
    [InlineData("Melden", "Ja", "Nee", "Ja", "Nee")]
    [InlineData("Melden", "Ja", "Nee", "Ja", "Ja", "Nee")]
    [InlineData("HulpOrganiseren", "Ja", "Nee", "Ja", "Ja", "Ja")]
    public async Task The_afwegingskader_outcome_is_stored_with_the_answers_up_to_where_it_is_settled(string outcome, params string[] answers)
    {
        var (household, _, _) = await FamilyAsync("Afweging" + outcome + "abcde"[..answers.Length]);
        using var client = await _app.SignedInClientAsync();
        var track = await ReadyToWeighAsync(client, household);
        // Answers after the settling one are ignored: send them all "Ja" and only the settled ones stay.
        var sent = answers.Concat(Enumerable.Repeat("Ja", 5 - answers.Length)).ToArray();
        Assert.Equal(4, await VersionAsync(await WeighAsync(client, household, track, 3, sent)));
        var view = await TrackAsync(client, household, track);
        Assert.Equal(outcome, view.GetProperty("uitkomst").GetString());
        var weighing = view.GetProperty("vastleggingen").EnumerateArray().Single(e => e.GetProperty("stap").GetString() == "Weging");
        Assert.Equal(answers, weighing.GetProperty("afwegingen").EnumerateArray().Select(a => a.GetProperty("antwoord").GetString()));
        Assert.Equal(outcome, weighing.GetProperty("uitkomst").GetString());
    }

    [Fact]
    public async Task A_weighing_without_reasoning_or_with_a_gap_in_the_questions_is_refused_and_nothing_is_saved()
    {
        var (household, _, _) = await FamilyAsync("Onderbouwing");
        using var client = await _app.SignedInClientAsync();
        var track = await ReadyToWeighAsync(client, household);
        var noReason = await client.PostAsJsonAsync($"{Base(household)}/{track}/weighings", new
        {
            afweging = new Dictionary<string, string> { ["1"] = "Ja", ["2"] = "Ja" }, onderbouwing = new Dictionary<string, string> { ["1"] = "Blauwe plekken gezien." }, versie = 3,
        });
        Assert.Equal(Afwegingskader.ReasoningRequiredCode, (await ProblemAsync(noReason, HttpStatusCode.BadRequest)).Code);
        var gap = await client.PostAsJsonAsync($"{Base(household)}/{track}/weighings", new
        {
            afweging = new Dictionary<string, string> { ["1"] = "Ja", ["3"] = "Ja" }, onderbouwing = new Dictionary<string, string> { ["1"] = "a", ["3"] = "b" }, versie = 3,
        });
        Assert.Equal(Afwegingskader.AnswerRequiredCode, (await ProblemAsync(gap, HttpStatusCode.BadRequest)).Code);
        var view = await TrackAsync(client, household, track);
        Assert.Equal(3, view.GetProperty("versie").GetInt32());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("uitkomst").ValueKind);
        Assert.Equal("Weging", view.GetProperty("wachtOp").GetString());
    }

    [Fact]
    public async Task Help_organised_is_linked_to_goals_of_the_households_active_plan_and_closing_against_the_weighing_is_refused()
    {
        var planned = await Given.HouseholdWithPlanAndGoal("Hulpgeorganiseerd", team: Given.Noord, coordinator: Given.Coordinator,
            goal: Given.Goal(domain: "HuiselijkeRelaties", what: "Thuis is het veilig voor iedereen", measurable: "Geen incidenten meer in drie maanden"));
        var other = await Given.HouseholdWithPlanAndGoal("Anderhuishouden", team: Given.Noord, coordinator: Given.Coordinator);
        using var client = await _app.SignedInClientAsync();
        var track = await ReadyToWeighAsync(client, planned.Household);
        Assert.Equal(4, await VersionAsync(await WeighAsync(client, planned.Household, track, 3, "Ja", "Nee", "Ja", "Ja", "Ja")));

        async Task<(string, string)> RefusedAsync(object body) => await ProblemAsync(await DecideAsync(client, planned.Household, track, body), HttpStatusCode.BadRequest);
        Assert.Equal((MeldcodeRules.DecisionInvalidCode, "besluit"), await RefusedAsync(new { besluit = "Afgesloten", toelichting = "Geen zorgen meer", versie = 4 }));
        Assert.Equal((MeldcodeRules.GoalsRequiredCode, "doelen"), await RefusedAsync(new { besluit = "HulpGeorganiseerd", toelichting = "Gezinscoach", versie = 4 }));
        Assert.Equal((MeldcodeInputRules.GoalsInvalidCode, "doelen"), await RefusedAsync(new { besluit = "HulpGeorganiseerd", toelichting = "Gezinscoach", doelen = new[] { other.Goal }, versie = 4 }));

        Assert.Equal(5, await VersionAsync(await DecideAsync(client, planned.Household, track,
            new { besluit = "HulpGeorganiseerd", toelichting = "Gezinscoach twee keer per week; vader in behandeling bij De Brug.", doelen = new[] { planned.Goal }, versie = 4 })));
        var view = await TrackAsync(client, planned.Household, track);
        Assert.Equal(("Besloten", "HulpGeorganiseerd"), (view.GetProperty("status").GetString(), view.GetProperty("besluit").GetString()));
        Assert.Equal([planned.Goal], view.GetProperty("vastleggingen")[4].GetProperty("doelen").EnumerateArray().Select(g => g.GetGuid()));
    }

    [Fact]
    public async Task A_correction_is_a_new_entry_the_original_stays_marked_and_the_database_refuses_to_change_an_entry()
    {
        var (household, _, _) = await FamilyAsync("Correctie");
        using var client = await _app.SignedInClientAsync();
        var track = await OpenAsync(client, household);
        Assert.Equal(2, await VersionAsync(await ConsultAsync(client, household, track, 1, advies: "Wachten tot na de vakantie.")));
        var original = (await TrackAsync(client, household, track)).GetProperty("vastleggingen")[1].GetProperty("id").GetGuid();

        // The part must be the corrected entry's step.
        Assert.Equal((MeldcodeInputRules.PartRequiredCode, "overleg"), await ProblemAsync(await CorrectAsync(client, household, track, original,
            new { signalen = new { wat = "x", doorWie = "y" }, versie = 2 }), HttpStatusCode.BadRequest));
        // A stale version: someone else recorded meanwhile.
        Assert.Equal((ErrorCodes.ConcurrencyConflict, ""), await ProblemAsync(await CorrectAsync(client, household, track, original,
            new { overleg = new { met = "Aandachtsfunctionaris", naam = "Sanne Jansen", advies = "Nu met moeder spreken." }, versie = 1 }), HttpStatusCode.Conflict));

        Assert.Equal(3, await VersionAsync(await CorrectAsync(client, household, track, original,
            new { overleg = new { met = "Aandachtsfunctionaris", naam = "Sanne Jansen", advies = "Nu met moeder spreken, niet wachten." }, versie = 2 })));
        var view = await TrackAsync(client, household, track);
        var consultations = view.GetProperty("vastleggingen").EnumerateArray().Where(e => e.GetProperty("stap").GetString() == "Overleg").ToList();
        Assert.Equal(2, consultations.Count);
        var correction = consultations[1].GetProperty("id").GetGuid();
        Assert.Equal(("Wachten tot na de vakantie.", correction), (consultations[0].GetProperty("tekst").GetString(), consultations[0].GetProperty("gecorrigeerdDoor").GetGuid()));
        Assert.Equal(("Nu met moeder spreken, niet wachten.", original), (consultations[1].GetProperty("tekst").GetString(), consultations[1].GetProperty("corrigeert").GetGuid()));
        // The step was reached once: the correction moves no dates.
        Assert.Equal(["Signalen", "Overleg", "Gesprek"], view.GetProperty("duur").EnumerateArray().Select(d => d.GetProperty("stap").GetString()));

        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE \"MeldcodeEntries\" SET \"Text\" = 'overschreven' WHERE \"Id\" = {original}"));
        Assert.Equal("Wachten tot na de vakantie.", await db.MeldcodeEntries.AsNoTracking().Where(e => e.Id == original).Select(e => e.Text).SingleAsync());
    }

    [Fact]
    public async Task A_correction_of_the_decision_keeps_the_decision_and_a_new_weighing_after_it_is_refused()
    {
        var (household, _, _) = await FamilyAsync("Besluitcorrectie");
        using var client = await _app.SignedInClientAsync();
        var track = await ReadyToWeighAsync(client, household);
        Assert.Equal(4, await VersionAsync(await WeighAsync(client, household, track, 3, "Nee")));
        Assert.Equal(5, await VersionAsync(await DecideAsync(client, household, track, new { besluit = "Afgesloten", toelichting = "Geen vermoeden na het gesprek", versie = 4 })));
        var entries = (await TrackAsync(client, household, track)).GetProperty("vastleggingen");
        var (weighing, decision) = (entries[3].GetProperty("id").GetGuid(), entries[4].GetProperty("id").GetGuid());

        Assert.Equal((MeldcodeRules.CorrectionInvalidCode, "corrigeert"), await ProblemAsync(await CorrectAsync(client, household, track, decision,
            new { besluit = new { besluit = "GemeldBijVeiligThuis", toelichting = "Toch gemeld", kanaal = "Digitaal", informeertGezin = "Regisseur" }, versie = 5 }), HttpStatusCode.BadRequest));
        Assert.Equal((MeldcodeRules.TrackClosedCode, ""), await ProblemAsync(await CorrectAsync(client, household, track, weighing,
            new { weging = new { afweging = new Dictionary<string, string> { ["1"] = "Ja", ["2"] = "Ja" }, onderbouwing = new Dictionary<string, string> { ["1"] = "a", ["2"] = "b" } }, versie = 5 }), HttpStatusCode.BadRequest));
        Assert.Equal(6, await VersionAsync(await CorrectAsync(client, household, track, decision,
            new { besluit = new { besluit = "Afgesloten", toelichting = "Geen vermoeden na het gesprek met moeder en school" }, versie = 5 })));
        var view = await TrackAsync(client, household, track);
        Assert.Equal(("Besloten", "Afgesloten"), (view.GetProperty("status").GetString(), view.GetProperty("besluit").GetString()));
        Assert.Equal(["Signalen", "Overleg", "Gesprek", "Weging", "Besluit", "Besluit"], Entries(view).Select(e => e.Stap));
    }

    [Fact]
    public async Task Signals_about_a_member_the_open_track_did_not_concern_add_that_member_and_signals_about_no_one_in_particular_add_none()
    {
        var (household, mother, child) = await FamilyAsync("Betrokkenen");
        using var client = await _app.SignedInClientAsync();
        var track = await OpenAsync(client, household, personen: [child]);
        Guid[] Persons(JsonElement view) => [.. view.GetProperty("personen").EnumerateArray().Select(p => p.GetProperty("personId").GetGuid()).Order()];
        Assert.Equal([child], Persons(await TrackAsync(client, household, track)));
        Assert.Equal(HttpStatusCode.OK, (await SignalsAsync(client, household, wat: "Weer onrust thuis.")).StatusCode);
        Assert.Equal([child], Persons(await TrackAsync(client, household, track)));
        Assert.Equal(HttpStatusCode.OK, (await SignalsAsync(client, household, wat: "Moeder heeft een blauw oog.", personen: [mother])).StatusCode);
        Assert.Equal(new[] { child, mother }.Order().ToArray(), Persons(await TrackAsync(client, household, track)));
    }

    [Fact]
    public async Task A_household_has_one_open_track_and_signals_recorded_at_the_same_moment_do_not_open_two()
    {
        var (household, mother, _) = await FamilyAsync("Tegelijk");
        using var fatima = await _app.SignedInClientAsync();
        using var secondTab = await _app.SignedInClientAsync();
        // Signals recorded twice at the same moment (two tabs, two colleagues): one opens the track, the other joins it or gets a conflict.
        var answers = await Task.WhenAll(SignalsAsync(fatima, household), SignalsAsync(secondTab, household));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);
        Assert.Equal(1, await TracksInDatabaseAsync(household));

        // Past the rule that joins the open track, the database itself refuses a second open one.
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        db.MeldcodeTracks.Add(MeldcodeTrack.Open(TestApp.Gemeentecode, household, null, null, [mother], DateOnly.FromDateTime(DateTime.UtcNow), DateTime.UtcNow, "test"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_track_shows_how_many_days_each_step_took_and_the_step_in_progress_counts_until_today()
    {
        var (household, _, _) = await FamilyAsync("Duur");
        using var client = await _app.SignedInClientAsync();
        var track = await OpenAsync(client, household, datum: DaysAgo(10));
        Assert.Equal(2, await VersionAsync(await ConsultAsync(client, household, track, 1, datum: DaysAgo(6))));
        var view = await TrackAsync(client, household, track);
        Assert.Equal([("Signalen", DaysAgo(10), 0), ("Overleg", DaysAgo(6), 4), ("Gesprek", (string?)null, 6)], view.GetProperty("duur").EnumerateArray()
            .Select(d => (d.GetProperty("stap").GetString(), d.GetProperty("tot").ValueKind == JsonValueKind.Null ? null : d.GetProperty("tot").GetString(), d.GetProperty("dagen").GetInt32())));
        Assert.Equal("Gesprek", view.GetProperty("wachtOp").GetString());

        // A date in the future is refused.
        Assert.Equal((DateRules.TooLateCode, "datum"), await ProblemAsync(await ConverseAsync(client, household, track, 2,
            datum: DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task On_the_track_page_a_refused_step_shows_its_dutch_field_errors_keeps_the_input_and_saves_nothing()
    {
        var (household, _, _) = await FamilyAsync("Veldfout");
        using var client = await _app.SignedInClientAsync();
        var track = await ReadyToWeighAsync(client, household);
        var page = $"/huishoudens/{household}/meldcode/{track}";

        var weighing = await (await TestApp.PostFormAsync(client, page, new Dictionary<string, string>
        {
            ["Weging.Afweging[1]"] = "Ja", ["Weging.Onderbouwing[1]"] = "", ["Versie"] = "3",
        }, $"{page}?handler=Weging")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"Weging_Onderbouwing_1_-error\">Onderbouw uw antwoord: het afwegingskader vraagt om een onderbouwing per afweging.", weighing);
        Assert.Contains("id=\"Weging_Afweging_2_-error\">Beantwoord deze afweging met ja of nee.", weighing);
        Assert.Equal(3, (await TrackAsync(client, household, track)).GetProperty("versie").GetInt32());

        Assert.Equal(4, await VersionAsync(await WeighAsync(client, household, track, 3, "Ja", "Nee", "Nee")));
        const string reason = "Moeder zegt dat vader vertrokken is.";
        var decision = await TestApp.PostFormAsync(client, page, new Dictionary<string, string>
        {
            ["Besluit.Besluit"] = "Afgesloten", ["Besluit.Toelichting"] = reason, ["Versie"] = "4",
        }, $"{page}?handler=Besluit");
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        var html = await decision.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Besluit_Besluit-error\">Het afwegingskader leidt tot melden: volgens de meldnorm meldt u bij Veilig Thuis.", html);
        Assert.Contains($">{reason}</textarea>", html);
        var view = await TrackAsync(client, household, track);
        Assert.Equal(("Open", 4), (view.GetProperty("status").GetString(), view.GetProperty("versie").GetInt32()));
    }

    [Fact]
    public async Task A_track_id_of_another_household_is_not_found()
    {
        var first = await FamilyAsync("Eerstehuishouden");
        var second = await FamilyAsync("Tweedehuishouden");
        using var client = await _app.SignedInClientAsync();
        var track = await OpenAsync(client, first.Household);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base(second.Household)}/{track}")).StatusCode);
        Assert.Equal((DomainError.NotFoundCode, ""), await ProblemAsync(await ConsultAsync(client, second.Household, track, 1), HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/huishoudens/{second.Household}/meldcode/{track}")).StatusCode);
        Assert.Single((await TrackAsync(client, first.Household, track)).GetProperty("vastleggingen").EnumerateArray());
    }
}
