using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using Regie.Web.Infrastructure.Pdf;
using static Regie.Web.Tests.Builders;

namespace Regie.Web.Tests;

public sealed class PdfTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private static PdfSharp.Pdf.PdfDocument Read(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    [Fact]
    public void A_long_table_flows_over_pages_with_its_header_repeated_and_every_page_numbered()
    {
        var rows = Enumerable.Range(1, 200).Select(i => (IReadOnlyList<string?>)[$"Regel {i}", "Een omschrijving die lang genoeg is om over meer dan één regel in de cel te lopen: € 1.234,56 voor gezin Ëlberg", "22-11-2026"]);
        var bytes = new PdfDocumentBuilder("Proef", "Gemeente Voorbeeld", new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc))
            .Title("Een lang overzicht", "met een ondertitel")
            .Paragraph(string.Join(" ", Enumerable.Repeat("Woord", 400)))
            .Table(["Nr", "Omschrijving", "Datum"], [1, 5, 2], rows)
            .SignatureLines("Sanne Bakker", "Fatima Bouzid, regisseur")
            .Build();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var doc = Read(bytes);
        Assert.True(doc.PageCount >= 6, $"200 wrapped rows should take several pages, got {doc.PageCount}");
        Assert.Equal("Proef", doc.Info.Title);
        // The fonts travel with the document: a reader without DejaVu shows the same glyphs.
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("/BaseFont/", raw);
        Assert.Contains("+DejaVu", raw);
        Assert.Contains("/FontFile2", raw);
    }

    [Fact]
    public async Task Coordinator_prints_the_plan_as_a_pdf_for_the_household_and_the_export_is_on_record()
    {
        Guid household;
        await using (var scope = _app.Scope())
        {
            var sp = scope.ServiceProvider;
            household = (await sp.GetRequiredService<CreateHouseholdHandler>().HandleAsync(Household(Member("Ëlif", "Pdf-Çelik")), default)).Value;
            var plans = sp.GetRequiredService<PlanHandler>();
            Assert.True((await plans.StartAsync(household, default)).IsOk);
            Assert.True((await plans.AddGoalAsync(household, new GoalInput { Leefgebied = "Financien", Wat = "Geen schulden meer", MeetbaarResultaat = "Alle schuldeisers hebben een regeling", Wie = "Ëlif", Streefdatum = DateTime.UtcNow.AddDays(60).ToString("dd-MM-yyyy"), Versie = 1 }, default)).IsOk);
        }
        using var client = await _app.SignedInClientAsync();
        var response = await client.GetAsync($"/huishoudens/{household}/plan.pdf");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.Location}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("plan-huishouden-pdf-celik-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        var doc = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Plan van Huishouden Pdf-Çelik", doc.Info.Title);
        Assert.True(doc.PageCount >= 1);

        await using var s = _app.Scope();
        var exports = await s.ServiceProvider.GetRequiredService<Regie.Web.Data.RegieDbContext>().AuditEntries
            .Where(e => e.HouseholdId == household && e.Action == "export").Select(e => e.Detail).ToListAsync();
        Assert.Equal(["plan versie 2 als PDF"], exports);

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync($"/huishoudens/{household}/plan.pdf")).StatusCode);
    }
}
