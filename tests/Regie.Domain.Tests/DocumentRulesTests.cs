using Regie.Domain.Care;
using Regie.Domain.Common;
using System.IO.Compression;
using System.Text;

namespace Regie.Domain.Tests;

public sealed class DocumentRulesTests
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];

    /// <summary>A zip with these entries (name → text).</summary>
    public static byte[] Zip(params (string Name, string Text)[] entries)
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

    public static string ContentTypes(string mainType) =>
        $"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/main\" ContentType=\"{mainType}\"/></Types>";

    public static byte[] Docx => Zip(("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
        ("word/document.xml", "<w:document/>"));

    private static byte[] Ole2(string stream) => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes(stream + "\0")];

    /// <summary>The type found and the codes of the refusals, comma-separated.</summary>
    private static (DocumentType? Type, string Codes) Check(string name, byte[] content, long? length = null)
    {
        var errors = new ErrorList();
        var type = DocumentRules.Check(name, content, length ?? content.LongLength, errors);
        return (type, string.Join(",", errors.Errors.Select(e => e.Code)));
    }

    public static TheoryData<string, byte[], DocumentType> Allowed => new()
    {
        { "verslag.pdf", Pdf, DocumentType.Pdf },
        { "foto.PNG", Png, DocumentType.Png },
        { "foto.jpeg", Jpeg, DocumentType.Jpeg },
        { "foto.jpg", Jpeg, DocumentType.Jpeg },
        { "brief.docx", Docx, DocumentType.Docx },
        { "begroting.xlsx", Zip(("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")), ("xl/workbook.xml", "<workbook/>")), DocumentType.Xlsx },
        { "sheets.pptx", Zip(("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")), ("ppt/presentation.xml", "<p/>")), DocumentType.Pptx },
        { "oud.doc", Ole2("WordDocument"), DocumentType.Doc },
        { "oud.xls", Ole2("Workbook"), DocumentType.Xls },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void A_worker_stores_pdf_images_and_office_files_typed_by_their_content(string name, byte[] content, DocumentType type)
    {
        Assert.Equal((type, ""), Check(name, content));
        Assert.StartsWith(type is DocumentType.Jpeg ? "image/jpeg" : type is DocumentType.Png ? "image/png" : "application/", DocumentRules.ContentType(type), StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "brief.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), DocumentRules.ActiveContentCode },
        { "brief.pdf", Encoding.UTF8.GetBytes("\uFEFF  \n<html><body>x</body></html>"), DocumentRules.ActiveContentCode },
        { "foto.png", Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"), DocumentRules.ActiveContentCode },
        { "foto.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), DocumentRules.ActiveContentCode },
        { "foto.png", Encoding.UTF8.GetBytes("// comment\n<script>alert(1)</script>"), DocumentRules.ActiveContentCode },
        { "tekst.docx", Zip(("a.txt", "geen office")), DocumentRules.NotOfficeCode },
        { "macro.docx", Zip(("[Content_Types].xml", ContentTypes("application/vnd.ms-word.document.macroEnabled.main+xml")), ("word/document.xml", "<w/>")), DocumentRules.NotOfficeCode },
        { "leeg.docx", Zip(("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))), DocumentRules.NotOfficeCode },
        { "kapot.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], DocumentRules.NotOfficeCode },
        { "iets.doc", Ole2("Iets anders"), DocumentRules.NotOfficeCode },
        { "setup.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0], DocumentRules.ExecutableCode },
        { "prog.pdf", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1], DocumentRules.ExecutableCode },
        { "notities.txt", Encoding.UTF8.GetBytes("Gewone tekst"), DocumentRules.TypeNotAllowedCode },
        { "foto.gif", Encoding.ASCII.GetBytes("GIF89a...."), DocumentRules.TypeNotAllowedCode },
        { "verslag.png", Pdf, DocumentRules.ExtensionMismatchCode },
        { "verslag", Pdf, DocumentRules.ExtensionMismatchCode },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_file_that_lies_about_its_type_or_is_not_allowed_is_refused_with_its_code(string name, byte[] content, string code) =>
        Assert.Equal(((DocumentType?)null, code), Check(name, content));

    [Fact]
    public void An_empty_file_and_one_byte_over_the_limit_are_refused_and_the_limit_itself_is_not()
    {
        Assert.Equal(((DocumentType?)null, DocumentRules.EmptyCode), Check("leeg.pdf", []));
        Assert.Equal(((DocumentType?)null, DocumentRules.TooLargeCode), Check("groot.pdf", Pdf, DocumentRules.MaxBytes + 1));
        Assert.Equal((DocumentType.Pdf, ""), Check("precies.pdf", Pdf, DocumentRules.MaxBytes));
        Assert.Equal(10 * 1024 * 1024, DocumentRules.MaxBytes);
    }

    [Theory]
    [InlineData("verslag.pdf", DocumentType.Pdf, "verslag.pdf")]
    [InlineData("C:\\Users\\x\\Mijn \"brief\";.pdf", DocumentType.Pdf, "Mijn _brief__.pdf")]
    [InlineData("../../etc/passwd", DocumentType.Png, "passwd.png")]
    [InlineData("foto.jpeg", DocumentType.Jpeg, "foto.jpg")]
    [InlineData("\r\n.pdf", DocumentType.Pdf, "document.pdf")]
    [InlineData("rapport.html.pdf", DocumentType.Pdf, "rapport.html.pdf")]
    public void A_stored_name_is_safe_for_a_header_and_ends_in_the_types_extension(string uploaded, DocumentType type, string safe) =>
        Assert.Equal(safe, DocumentRules.SafeFileName(uploaded, type));
}
