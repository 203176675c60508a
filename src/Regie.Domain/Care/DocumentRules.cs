using Regie.Domain.Common;
using System.IO.Compression;
using System.Text;

namespace Regie.Domain.Care;

/// <summary>The kinds of file a household's file takes, as found in the content (never as named or declared). Stored by name.</summary>
public enum DocumentType
{
    Pdf,
    Png,
    Jpeg,
    Docx,
    Xlsx,
    Pptx,
    Doc,
    Xls,
}

/// <summary>What a document is linked to within the household: the household itself, a member, a goal of its plan, or a conference.</summary>
public enum DocumentLink
{
    Huishouden,
    Persoon,
    Doel,
    Overleg,
}

/// <summary>
/// The rules for documents in a household's file: one size limit, the types allowed, and the type told from the content by its
/// magic bytes (and for Office files from the package's own structure). A file whose bytes are HTML, SVG, XML or a script, or an
/// executable, is refused whatever its name or declared type says; the type stored and served is the one found here.
/// </summary>
public static class DocumentRules
{
    public const string EmptyCode = "document-empty";
    public const string TooLargeCode = "document-too-large";
    public const string TypeNotAllowedCode = "document-type-not-allowed";
    public const string ActiveContentCode = "document-active-content";
    public const string ExecutableCode = "document-executable";
    public const string NotOfficeCode = "document-not-office";
    public const string ExtensionMismatchCode = "document-extension-mismatch";
    public const string FileRequiredCode = "document-file-required";
    public const string LinkUnknownCode = "document-link-unknown";
    public const string WithdrawnCode = "document-withdrawn";

    /// <summary>The one limit for a document's size: 10 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 200;
    public const int DescriptionMaxLength = 500;
    public const int ReasonMaxLength = 500;

    /// <summary>The field a file is sent in, in the form and the API.</summary>
    public const string FileField = "Bestand";

    public static string ContentType(DocumentType t) => t switch
    {
        DocumentType.Pdf => "application/pdf",
        DocumentType.Png => "image/png",
        DocumentType.Jpeg => "image/jpeg",
        DocumentType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DocumentType.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        DocumentType.Doc => "application/msword",
        _ => "application/vnd.ms-excel",
    };

    /// <summary>The extensions a name of this type may end in; the first is the one a safe name gets.</summary>
    public static IReadOnlyList<string> Extensions(DocumentType t) => t switch
    {
        DocumentType.Pdf => [".pdf"],
        DocumentType.Png => [".png"],
        DocumentType.Jpeg => [".jpg", ".jpeg"],
        DocumentType.Docx => [".docx"],
        DocumentType.Xlsx => [".xlsx"],
        DocumentType.Pptx => [".pptx"],
        DocumentType.Doc => [".doc"],
        _ => [".xls"],
    };

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[][] Utf16Boms = [[0xFF, 0xFE], [0xFE, 0xFF]];
    /// <summary>Windows (MZ), Linux (ELF), macOS (Mach-O, both byte orders, and universal) programs.</summary>
    private static readonly byte[][] Executables = ["MZ"u8.ToArray(), [0x7F, 0x45, 0x4C, 0x46], [0xCF, 0xFA, 0xED, 0xFE], [0xFE, 0xED, 0xFA, 0xCF], [0xCA, 0xFE, 0xBA, 0xBE]];

    /// <summary>
    /// Checks a file as uploaded: its name and bytes. The type, or null with the errors added (nothing is to be saved then).
    /// Order matters: empty and too large first, then active content and executables (refused even when they start like an
    /// allowed type would not), then the magic bytes, then the name's extension against the type found.
    /// </summary>
    public static DocumentType? Check(string? fileName, ReadOnlySpan<byte> content, long length, ErrorList errors)
    {
        if (length == 0)
        {
            errors.Add(new DomainError(EmptyCode, FileField, "Het bestand is leeg."));
            return null;
        }
        if (length > MaxBytes)
        {
            errors.Add(new DomainError(TooLargeCode, FileField, $"Het bestand is te groot: hooguit {MaxBytes / (1024 * 1024)} MB."));
            return null;
        }
        var type = Sniff(content, out var refusal);
        if (type is null)
        {
            errors.Add(new DomainError(refusal, FileField, refusal switch
            {
                ActiveContentCode => "Dit bestand bevat HTML, SVG, XML of een script. Zulke bestanden worden nooit opgeslagen; maak er een PDF van.",
                ExecutableCode => "Dit is een programma. Programma's worden nooit opgeslagen.",
                NotOfficeCode => "Dit zip-bestand is geen Word-, Excel- of PowerPoint-document. Alleen PDF, PNG, JPEG en Office-bestanden kunnen worden opgeslagen.",
                _ => "Dit soort bestand kan niet worden opgeslagen. Alleen PDF, PNG, JPEG en Office-bestanden (Word, Excel, PowerPoint) kunnen.",
            }));
            return null;
        }
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (!Extensions(type.Value).Contains(extension))
        {
            errors.Add(new DomainError(ExtensionMismatchCode, FileField,
                $"De naam van het bestand eindigt niet op {string.Join(" of ", Extensions(type.Value))}, maar de inhoud is {Label(type.Value)}. Geef het bestand de juiste naam."));
            return null;
        }
        return type;
    }

    /// <summary>The type the bytes are, or null with the code of the refusal. Pure: looks at the content only.</summary>
    public static DocumentType? Sniff(ReadOnlySpan<byte> content, out string refusal)
    {
        refusal = TypeNotAllowedCode;
        if (LooksLikeMarkupOrScript(content))
        {
            refusal = ActiveContentCode;
            return null;
        }
        if (StartsWithAny(content, Executables))
        {
            refusal = ExecutableCode;
            return null;
        }
        if (content.StartsWith(Pdf)) return DocumentType.Pdf;
        if (content.StartsWith(Png)) return DocumentType.Png;
        if (content.StartsWith(Jpeg)) return DocumentType.Jpeg;
        if (content.StartsWith(Ole2))
        {
            // A compound file names its streams in UTF-16: Word keeps "WordDocument", Excel "Workbook" (or "Book" before 97).
            if (content.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0) return DocumentType.Doc;
            if (content.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0 || content.IndexOf(Encoding.Unicode.GetBytes("Book\0")) >= 0) return DocumentType.Xls;
            refusal = NotOfficeCode;
            return null;
        }
        if (content.StartsWith(Zip))
        {
            var office = Office(content.ToArray());
            if (office is null) refusal = NotOfficeCode;
            return office;
        }
        return null;
    }

    /// <summary>
    /// An Office Open XML package: a zip with [Content_Types].xml that declares the main part of a document, workbook or presentation
    /// (macro-enabled variants are not among them) and that part present. Only the small content-types part is read.
    /// </summary>
    private static DocumentType? Office(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 256 * 1024) return null;
            string declared;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8)) declared = reader.ReadToEnd();
            (DocumentType Type, string Part, string MainType)[] mains =
            [
                (DocumentType.Docx, "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
                (DocumentType.Xlsx, "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                (DocumentType.Pptx, "ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
            ];
            foreach (var (type, part, mainType) in mains)
                if (declared.Contains($"\"{mainType}\"", StringComparison.Ordinal) && zip.GetEntry(part) is not null) return type;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Text that a browser would run or render: markup (HTML, SVG, XML) or a script, after any byte-order mark and white space.</summary>
    private static bool LooksLikeMarkupOrScript(ReadOnlySpan<byte> content)
    {
        var s = content;
        if (s.StartsWith(Utf8Bom)) s = s[3..];
        else if (StartsWithAny(s, Utf16Boms)) return true;
        while (s.Length > 0 && s[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f') s = s[1..];
        if (s.StartsWith("<"u8) || s.StartsWith("#!"u8)) return true;
        // A script or markup that starts otherwise (a comment, a statement) still names itself early on.
        var head = Encoding.Latin1.GetString(s[..Math.Min(s.Length, 1024)]).ToLowerInvariant();
        return !s.StartsWith(Pdf) && !s.StartsWith(Zip) && !s.StartsWith(Ole2) && !s.StartsWith(Png) && !s.StartsWith(Jpeg)
            && (head.Contains("<script", StringComparison.Ordinal) || head.Contains("<svg", StringComparison.Ordinal) || head.Contains("<html", StringComparison.Ordinal)
                || head.Contains("<!doctype", StringComparison.Ordinal) || head.Contains("<?xml", StringComparison.Ordinal) || head.Contains("javascript:", StringComparison.Ordinal));
    }

    private static bool StartsWithAny(ReadOnlySpan<byte> content, byte[][] prefixes)
    {
        foreach (var prefix in prefixes)
            if (content.StartsWith(prefix)) return true;
        return false;
    }

    public static string Label(DocumentType t) => t switch
    {
        DocumentType.Pdf => "een PDF",
        DocumentType.Png => "een PNG-afbeelding",
        DocumentType.Jpeg => "een JPEG-afbeelding",
        DocumentType.Docx or DocumentType.Doc => "een Word-document",
        DocumentType.Xlsx or DocumentType.Xls => "een Excel-werkmap",
        _ => "een PowerPoint-presentatie",
    };

    /// <summary>
    /// A name safe to store and to put in a Content-Disposition header: no path, no control or quote characters, only letters,
    /// digits and a few marks, not too long, and ending in the type's own extension.
    /// </summary>
    public static string SafeFileName(string? uploaded, DocumentType type)
    {
        var name = Path.GetFileNameWithoutExtension((uploaded ?? "").Replace('\\', '/').Split('/')[^1]);
        var kept = new StringBuilder();
        foreach (var c in name.Where(c => !char.IsControl(c)))
            kept.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '(' or ')' or '.' ? c : '_');
        var stem = kept.ToString().Trim(' ', '.');
        if (stem.Length == 0) stem = "document";
        var extension = Extensions(type)[0];
        if (stem.Length + extension.Length > FileNameMaxLength) stem = stem[..(FileNameMaxLength - extension.Length)];
        return stem + extension;
    }
}
