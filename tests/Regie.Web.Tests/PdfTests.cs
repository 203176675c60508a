using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure.Pdf;
using System.Net;
using System.Net.Http.Json;

namespace Regie.Web.Tests;

public sealed class PdfTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private static PdfSharp.Pdf.PdfDocument Read(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    private static readonly DateTime Made = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<IReadOnlyList<string?>> Rows(int count) => Enumerable.Range(1, count).Select(i => (IReadOnlyList<string?>)
        [$"Regel {i}", "Een omschrijving die lang genoeg is om over meer dan één regel in de cel te lopen: € 1.234,56 voor gezin Ëlberg", "22-11-2026"]);

    private static byte[] LongDocument(int rows) => new PdfDocumentBuilder("Proef", "Gemeente Voorbeeld", Made)
        .Title("Een lang overzicht", "met een ondertitel")
        .Paragraph(string.Join(" ", Enumerable.Repeat("Woord", 400)))
        .Table(["Nr", "Omschrijving", "Datum"], [1, 5, 2], Rows(rows))
        .SignatureLines("Sanne Bakker", "Fatima Bouzid, regisseur")
        .Build();

    [Fact]
    public void A_long_table_flows_over_pages_with_its_header_repeated_and_every_page_numbered()
    {
        var bytes = LongDocument(200);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var doc = Read(bytes);
        Assert.True(doc.PageCount >= 6, $"200 wrapped rows should take several pages, got {doc.PageCount}");
        Assert.Equal("Proef", doc.Info.Title);
        Assert.Equal("Regie", doc.Info.Author);

        var pages = PdfText.Pages(bytes);
        Assert.Equal(doc.PageCount, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Pagina {i + 1} van {pages.Count}", pages[i]);
            Assert.Contains("Gemaakt op 22 november 2026", pages[i]);
            Assert.Contains("Gemeente Voorbeeld", pages[i]);
        }
        // Every row is there once, in order; every page the table reaches starts it with its header.
        var all = string.Join("\n", pages);
        var numbers = System.Text.RegularExpressions.Regex.Matches(all, @"^Regel (\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 200), numbers);
        var tablePages = pages.Where(p => p.Contains("Regel ", StringComparison.Ordinal)).ToList();
        Assert.True(tablePages.Count >= 5);
        Assert.All(tablePages, p => Assert.Contains("Nr\nOmschrijving\nDatum\n", p));
        Assert.True(pages[^1].IndexOf("Regel 200", StringComparison.Ordinal) < pages[^1].IndexOf("Fatima Bouzid, regisseur", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_document_is_one_page_and_says_so_in_its_footer()
    {
        var bytes = new PdfDocumentBuilder("Kort", "Gemeente Voorbeeld", Made).Title("Kort").Paragraph("Eén alinea.").Build();
        Assert.Equal(1, Read(bytes).PageCount);
        Assert.Contains("Pagina 1 van 1", PdfText.Pages(bytes)[0]);
    }

    [Fact]
    public void Dutch_characters_and_the_euro_sign_are_in_the_embedded_font_and_come_back_out()
    {
        const string text = "Zoë en René betalen € 12,50 per maand; Çelik, Ĳsselstein, Ærø — “aanhalingstekens” ‘enkel’";
        var bytes = new PdfDocumentBuilder("Tekens", "Gemeente Voorbeeld", Made)
            .Title("Financiën van Zoë")
            .Paragraph(text)
            .Paragraph(text, bold: true)
            .KeyValues([("Naam", "Noël Brontë"), ("Bedrag", "€ 1.000,00")])
            .Bullets(["één", "twee"])
            .Build();
        var page = PdfText.Pages(bytes)[0];
        Assert.Contains("Financiën van Zoë", page);
        // The regular and the bold face both carry every glyph: a missing one would come back as something else.
        Assert.Equal(2, page.Split('\n').Count(l => l.Contains("€ 12,50", StringComparison.Ordinal)));
        Assert.Contains("Noël Brontë", page);
        Assert.Contains("€ 1.000,00", page);
        Assert.Contains("één", page);
        // The fonts travel with the document: a reader without them shows the same glyphs.
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("+DejaVu", raw);
        Assert.Contains("/FontFile2", raw);
        // Both faces come from the executable, not from the machine's fonts.
        var fonts = new EmbeddedFonts();
        foreach (var bold in new[] { false, true })
        {
            var face = fonts.ResolveTypeface(EmbeddedFonts.Family, bold, false)!.FaceName;
            Assert.True(fonts.GetFont(face) is { Length: > 100_000 }, face);
        }
    }

    [Fact]
    public void The_same_document_made_twice_is_the_same_file()
    {
        // Apart from the date it was made, output depends only on the input: a changed byte means a changed document.
        Assert.Equal(LongDocument(30), LongDocument(30));
        Assert.NotEqual(LongDocument(30), LongDocument(31));
    }

    [Fact]
    public async Task Coordinator_prints_the_plan_as_a_pdf_for_the_household_and_the_export_is_on_record()
    {
        var (household, _, _) = await new Given(_app).HouseholdWithPlanAndGoal("Pdf-Çelik", "Ëlif",
            goal: Given.Goal(what: "Geen schulden meer", measurable: "Alle schuldeisers hebben een regeling", who: "Ëlif"));
        using var client = await _app.SignedInClientAsync();
        var response = await client.GetAsync($"/huishoudens/{household}/plan.pdf");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.Location}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("plan-huishouden-pdf-celik-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var doc = Read(bytes);
        Assert.Equal("Plan van Huishouden Pdf-Çelik", doc.Info.Title);
        Assert.Contains("Ons plan: Huishouden Pdf-Çelik", PdfText.Pages(bytes)[0]);
        Assert.Equal(1, doc.PageCount);

        await using var s = _app.Scope();
        var exports = await s.ServiceProvider.GetRequiredService<Regie.Web.Data.RegieDbContext>().AuditEntries
            .Where(e => e.HouseholdId == household && e.Action == "export").Select(e => e.Detail).ToListAsync();
        Assert.Equal(["plan versie 2 als PDF"], exports);

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync($"/huishoudens/{household}/plan.pdf")).StatusCode);
    }

    [Fact]
    public async Task Professional_downloads_the_zrm_overview_as_a_pdf_with_the_households_scores_and_the_export_is_on_record()
    {
        var (household, mother) = await new Given(_app).Resident("Pdf-Brontë", "Zoë");
        using var client = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/households/{household}/assessments",
            new { personId = mother, datum = DateTime.UtcNow.AddDays(-20).ToString("dd-MM-yyyy"), scores = new Dictionary<string, string> { ["Financien"] = "1", ["Huisvesting"] = "2" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/households/{household}/assessments",
            new { personId = mother, scores = new Dictionary<string, string> { ["Financien"] = "3", ["Huisvesting"] = "4" } })).StatusCode);

        Assert.Contains($"href=\"/huishoudens/{household}/zrm.pdf\" download", await client.GetStringAsync($"/huishoudens/{household}/zrm"));
        var response = await client.GetAsync($"/huishoudens/{household}/zrm.pdf");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.Location}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"zrm-overzicht-huishouden-pdf-bronte-{DateTime.UtcNow:yyyy-MM-dd}.pdf", response.Content.Headers.ContentDisposition.FileNameStar);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var doc = Read(bytes);
        Assert.Equal("ZRM-overzicht van Huishouden Pdf-Brontë", doc.Info.Title);
        var text = string.Join("\n", PdfText.Pages(bytes));
        Assert.Contains("ZRM-overzicht: Huishouden Pdf-Brontë", text);
        Assert.Contains("Zoë Pdf-Brontë", text);
        // The summary row: Financiën now 3, first 1, two steps forward.
        Assert.Contains("Financiën\n3 beperkt zelfredzaam\n1\n+2\n", text);
        Assert.Contains("Financiën 1, Huisvesting 2", text);
        Assert.Contains($"Pagina 1 van {doc.PageCount}", text);

        await using var s = _app.Scope();
        var entries = await s.ServiceProvider.GetRequiredService<Regie.Web.Data.RegieDbContext>().AuditEntries
            .Where(e => e.HouseholdId == household && e.Resource == "zrm").OrderBy(e => e.Id).Select(e => e.Action + ": " + e.Detail).ToListAsync();
        // Viewing the ZRM page is a read; the download is one export that names what left the system, not a read as well.
        Assert.Equal([AuditActions.Read + ": ", AuditActions.Export + ": ZRM-overzicht als PDF (2 metingen)"], entries);

        using var partner = await _app.SignedInClientAsync("woningcorporatie@voorbeeld.nl");
        Assert.NotEqual(HttpStatusCode.OK, (await partner.GetAsync($"/huishoudens/{household}/zrm.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/huishoudens/{Guid.NewGuid()}/zrm.pdf")).StatusCode);
    }
}
