using Microsoft.EntityFrameworkCore;
using Regie.Web.Infrastructure.Cli;

namespace Regie.Web.Tests;

/// <summary>The admin CLI is the same executable; these run its commands in-process against a fresh database.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliAndDemoTests
{
    private static string[] DatabaseArgs(TestDatabase db) =>
        [$"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    [Fact]
    public async Task Ops_migrates_an_empty_database_and_a_second_run_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (exit, output) = await ConsoleCollection.RunAsync(["migrate", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("20261122000002_HouseholdTimeline", output);

        (exit, output) = await ConsoleCollection.RunAsync(["migrate", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("al bij", output);
    }

    [Fact]
    public async Task Seed_demo_creates_the_municipality_teams_logins_and_exactly_n_households_with_history()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (exit, output) = await ConsoleCollection.RunAsync(["seed-demo", "--households", "120", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("regisseur@voorbeeld.nl", output);

        await using var ctx = TestContexts.Create(db);
        Assert.Equal(120, await ctx.Households.CountAsync());
        Assert.Equal(4, await ctx.Teams.CountAsync());
        Assert.Equal(Regie.Web.Infrastructure.Demo.DemoSeeder.Logins.Length, await ctx.Users.CountAsync());
        // A demo account for every role, so a newcomer can see what each role sees.
        Assert.Equal(Regie.Web.Infrastructure.Roles.All.Order(), Regie.Web.Infrastructure.Demo.DemoSeeder.Logins.Select(l => l.Role).Distinct().Order());
        Assert.InRange(await ctx.Households.CountAsync(h => h.ResponsibleTeamId != null), 20, 80);
        // The housing corporation added to the story's household, and one night's emergency access of Zuid to a Noord file, ended by itself.
        Assert.Equal(2, await ctx.HouseholdAccess.CountAsync());
        var emergency = await ctx.HouseholdAccess.SingleAsync(a => a.Kind == Web.Data.AccessKinds.BreakGlass);
        Assert.Equal(Regie.Web.Infrastructure.Demo.DemoSeeder.EmergencyReason, emergency.Reason);
        Assert.True(emergency.ExpiresAt < DateTime.UtcNow);
        Assert.Equal(1, await ctx.HouseholdEvents.CountAsync(e => e.HouseholdId == emergency.HouseholdId && e.Type == Web.Data.EventTypes.Note));
        var persons = await ctx.Persons.ToListAsync();
        Assert.InRange(persons.Count, 150, 500);
        Assert.All(persons.Where(p => p.Bsn is not null), p => Assert.True(Domain.Registry.Bsn.Parse(p.Bsn).Value.IsTestNumber));
        Assert.Equal(persons.Count, persons.Select(p => p.Bsn).Distinct().Count());
        Assert.All(persons, p => Assert.Equal(Domain.Registry.PersonName.SearchKeyOf(p.Achternaam), p.ZoekNaam));
        // Every person lives in at most one household; some moved (closed periods).
        var members = await ctx.HouseholdMembers.ToListAsync();
        Assert.All(members.Where(m => m.Until is null).GroupBy(m => m.PersonId), g => Assert.Single(g));
        Assert.Contains(members, m => m.Until is not null);
        // The seed-003 story: Sanne Bakker lives with her mother Ria de Wit now.
        var sanne = persons.Single(p => p.Voornamen == "Sanne" && p.Achternaam == "Bakker");
        var home = members.Single(m => m.PersonId == sanne.Id && m.Until is null).HouseholdId;
        Assert.Equal("Huishouden de Wit", (await ctx.Households.SingleAsync(h => h.Id == home)).Naam);
        // Her look-up by the housing department is on record under her BSN, and so is one of someone Regie does not know.
        var lookups = await ctx.AuditEntries.Where(e => e.Action == "lookup").ToListAsync();
        Assert.Contains(lookups, e => e.SubjectBsn == sanne.Bsn && e.Organisation == "Wonen" && e.Purpose == "aanvraag urgentieverklaring");
        Assert.Contains(lookups, e => e.SubjectBsn is { } b && persons.All(p => p.Bsn != b) && Domain.Registry.Bsn.Parse(b).Value.IsTestNumber);
        Assert.True(await ctx.HouseholdEvents.CountAsync() >= 120 * 3);
        // Households a team works with have ZRM assessments, some of them twice.
        Assert.True(await ctx.ZrmAssessments.CountAsync() > 10);
        Assert.True(await ctx.ZrmScores.CountAsync() > 100);
        Assert.True(await ctx.ZrmAssessments.GroupBy(a => a.PersonId).CountAsync(g => g.Count() > 1) > 0);
        // Referrals in every status, one overdue, some to the referrer's own employer; light support, one of it ended.
        var referrals = await ctx.Referrals.ToListAsync();
        Assert.Equal(Enum.GetValues<Domain.Referrals.ReferralStatus>().Order(), referrals.Select(r => r.Status).Distinct().Order());
        Assert.Single(referrals, r => Domain.Referrals.ReferralRules.IsOverdue(r.Status, r.FollowUpOn, DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.Contains(referrals, r => r.Status == Domain.Referrals.ReferralStatus.Afgewezen && r.DeclineReason is not null);
        Assert.Contains(referrals, r => r.OwnEmployer && r.ReferrerName == "Koen Verhoeven");
        Assert.Equal(referrals.Count, await ctx.HouseholdEvents.CountAsync(e => e.Type == Web.Data.EventTypes.ReferralSent));
        Assert.Contains(await ctx.LightSupports.ToListAsync(), s => s.EndedOn is not null && s.Outcome is not null);

        // Seeding again adds households and never reuses a BSN.
        (exit, _) = await ConsoleCollection.RunAsync(["seed-demo", "--households", "30", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        ctx.ChangeTracker.Clear();
        Assert.Equal(150, await ctx.Households.CountAsync());
        var bsns = await ctx.Persons.Where(p => p.Bsn != null).Select(p => p.Bsn).ToListAsync();
        Assert.Equal(bsns.Count, bsns.Distinct().Count());
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (exit, output) = await ConsoleCollection.RunAsync(["--help"]);
        Assert.Equal(0, exit);
        Assert.Contains("migrate", output);
        Assert.Contains("seed-demo", output);
    }

    [Fact]
    public async Task Out_of_range_household_count_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (exit, _) = await ConsoleCollection.RunAsync(["seed-demo", "--households", "-5", .. DatabaseArgs(db)]);
        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task An_organisation_imports_its_caseload_good_rows_are_registered_and_bad_rows_are_reported_with_reasons()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["seed-demo", "--households", "10", .. DatabaseArgs(db)])).Exit);
        var (good1, good2) = (TestApp.NextBsn(), TestApp.NextBsn());
        var file = Path.Combine(Path.GetTempPath(), $"caseload-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file,
        [
            "bsn;leefgebied;contactpersoon;telefoon;email;startdatum;reden",
            $"{good1};Financien;Mira de Boer;14 0999;mira@voorbeeld.nl;01-10-2026;Budgetbeheer",
            "123456789;Financien;Mira de Boer;14 0999;;;",
            $"{good2};;Mira de Boer;;mira@voorbeeld.nl;;",
            $"{TestApp.NextBsn()};Geluk;;;;01-01-2099;",
        ]);
        try
        {
            var (exit, output) = await ConsoleCollection.RunAsync(["involvement", "import", file, "--org", "Schuldhulpverlening", "--reden", "Lopend schuldhulptraject", .. DatabaseArgs(db)]);
            Assert.Equal(3, exit);
            Assert.Contains("Ingelezen: 2. Afgewezen: 2.", output);
            var report = await File.ReadAllLinesAsync(Path.ChangeExtension(file, ".afgewezen.csv"));
            Assert.Equal(3, report.Length);
            Assert.StartsWith("3;123456789;", report[1]);
            Assert.Contains("elfproef", report[1]);
            Assert.StartsWith("5;", report[2]);
            Assert.Contains("leefgebied", report[2]);
            Assert.Contains("contactpersoon", report[2]);

            await using var ctx = TestContexts.Create(db);
            var organisation = await ctx.Organisations.SingleAsync(o => o.Name == "Schuldhulpverlening");
            // The demo's debt-help department is involved with the story family through vroegsignalering already; the rest is the file's.
            var registered = await ctx.Involvements.Where(i => i.OrganisationId == organisation.Id && i.Reason != Features.Vroegsignalering.SignalIntake.InvolvementReason)
                .Select(i => new { i.Bsn, i.Reason }).ToListAsync();
            Assert.Equal(new[] { (good1, "Budgetbeheer"), (good2, "Lopend schuldhulptraject") }.OrderBy(r => r.Item1),
                registered.Select(r => (r.Bsn, r.Reason!)).OrderBy(r => r.Item1));
        }
        finally
        {
            File.Delete(file);
            File.Delete(Path.ChangeExtension(file, ".afgewezen.csv"));
        }
    }
}

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";

    public static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        var original = Console.Out;
        var originalError = Console.Error;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        Console.SetError(writer);
        try
        {
            var exit = await RegieCli.RunAsync(args);
            return (exit, writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Console.SetError(originalError);
        }
    }
}
