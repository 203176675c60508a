using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>Issue 23 point 3 from the admin CLI: a provider's message files in, each accepted or refused on its own with its retour codes, exit code 3.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BerichtImportCliTests
{
    private const string Agb = "98765432";

    private static string[] DatabaseArgs(TestDatabase db) =>
        [$"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    [Fact]
    public async Task Admin_imports_a_providers_messages_and_each_file_is_accepted_or_refused_on_its_own()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["seed-demo", "--households", "10", .. DatabaseArgs(db)])).Exit);
        string bsn;
        List<Guid> demoMessages;
        await using (var ctx = TestContexts.Create(db))
        {
            bsn = await ctx.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.Person!.Bsn != null && m.Person.AnonymisedAt == null)
                .OrderBy(m => m.Person!.Bsn).Select(m => m.Person!.Bsn!).FirstAsync();
            var provider = await ctx.Organisations.IgnoreQueryFilters().SingleAsync(o => o.Name == "Zorgaanbieder De Brug");
            provider.AgbCode = Agb;
            await ctx.SaveChangesAsync();
            // The demo's providers already sent their messages; the import's are the ones after these.
            demoMessages = await ctx.IstandaardBerichten.IgnoreQueryFilters().Select(b => b.Id).ToListAsync();
        }
        var dir = Directory.CreateTempSubdirectory("regie-berichten-").FullName;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await File.WriteAllTextAsync(Path.Combine(dir, "a-verzoek.xml"), new BerichtXml(LegalFramework.Wmo2015, Agb, bsn).Request(("CLI-REF-1", "02", today.AddDays(7), 3)));
        await File.WriteAllTextAsync(Path.Combine(dir, "b-onbekend.xml"), new BerichtXml(LegalFramework.Wmo2015, "98769999", bsn).Request(("CLI-REF-2", "02", today, 3)));
        await File.WriteAllTextAsync(Path.Combine(dir, "c-elders.xml"), new BerichtXml(LegalFramework.Wmo2015, Agb, bsn) { Ontvanger = "0363" }.Start((987654, today)));
        await File.WriteAllTextAsync(Path.Combine(dir, "leesmij.txt"), "geen bericht");

        var (exit, output) = await ConsoleCollection.RunAsync(["berichten", "import", dir, .. DatabaseArgs(db)]);

        Assert.Equal(3, exit);
        Assert.Contains("a-verzoek.xml: WMO315 van Zorgaanbieder De Brug geaccepteerd (retourcode 0200).", output, StringComparison.Ordinal);
        Assert.Contains("b-onbekend.xml: afgewezen, de afzender is geen zorgaanbieder met een AGB-code bij gemeente 9999", output, StringComparison.Ordinal);
        Assert.Contains("c-elders.xml: WMO305 van Zorgaanbieder De Brug afgewezen:", output, StringComparison.Ordinal);
        Assert.Contains("  S300 Header/Ontvanger: ", output, StringComparison.Ordinal);
        // A wrongly addressed message is not looked into further: no assignment or client check after the header's refusal.
        Assert.DoesNotContain("  9019 ", output, StringComparison.Ordinal);
        Assert.Contains("Bestanden: 3. Geaccepteerd: 1. Afgewezen: 2.", output, StringComparison.Ordinal);
        await using (var ctx = TestContexts.Create(db))
        {
            var messages = await ctx.IstandaardBerichten.IgnoreQueryFilters().AsNoTracking().Where(b => !demoMessages.Contains(b.Id)).OrderBy(b => b.Soort).ToListAsync();
            Assert.Equal([("WMO305", BerichtStatus.Afgewezen, false), ("WMO315", BerichtStatus.Ontvangen, true)], messages.Select(b => (b.Soort, b.Status, b.Xml is not null)));
            var application = await ctx.ProvisionApplications.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == messages[1].ApplicationId);
            Assert.StartsWith("Verzoek om toewijzing (WMO315) van Zorgaanbieder De Brug", application.Requested, StringComparison.Ordinal);
            Assert.Equal("systeem", application.CreatedBy);
        }

        // The same request again is refused (its reference is used); one file on its own is read as well.
        (exit, output) = await ConsoleCollection.RunAsync(["berichten", "import", Path.Combine(dir, "a-verzoek.xml"), .. DatabaseArgs(db)]);
        Assert.Equal(3, exit);
        Assert.Contains("  9056 Header/BerichtIdentificatie/Identificatie: ", output, StringComparison.Ordinal);
        // A refused header ends the checks: the reused reference (9347) is not looked at any more.
        Assert.DoesNotContain("  9347 ", output, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(dir, "d-tweede.xml"), new BerichtXml(LegalFramework.Jeugdwet, Agb, bsn).Request(("CLI-REF-3", "45", today, 1)));
        (exit, output) = await ConsoleCollection.RunAsync(["berichten", "import", Path.Combine(dir, "d-tweede.xml"), .. DatabaseArgs(db)]);
        Assert.True(exit == 0, output);
        Assert.Contains("d-tweede.xml: JW315 van Zorgaanbieder De Brug geaccepteerd", output, StringComparison.Ordinal);
    }
}
