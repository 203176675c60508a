using Regie.Domain.Care;
using Regie.Domain.IStandaarden;
using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Regie.Web.Features.Berichten;

/// <summary>
/// The iWmo/iJw 3.2 XSDs as published by Zorginstituut Nederland (standards/istandaarden), embedded in the executable and
/// compiled once per message kind. Validation is System.Xml.Schema's: a real XSD validator, not a re-implementation.
/// </summary>
public static partial class BerichtSchemas
{
    private static readonly ConcurrentDictionary<string, XmlSchemaSet> Sets = new();

    /// <summary>The problems of <paramref name="document"/> against the XSD of <paramref name="soort"/>, each with the line and the element it is about; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(XDocument document, BerichtSoort soort)
    {
        var problems = new List<string>();
        document.Validate(SetFor(soort), (_, e) => problems.Add(Describe(e)), addSchemaInfo: false);
        return problems;
    }

    /// <summary>Parses and validates text as received: unreadable XML is one problem, like a schema violation.</summary>
    public static (XDocument? Document, IReadOnlyList<string> Problems) Parse(string xml, BerichtSoort soort)
    {
        XDocument document;
        try
        {
            // The validator walks the tree recursively: a document nested thousands deep would overflow the stack and end the
            // process. The 3.2 messages are less than ten levels deep; anything deeper than MaxDepth is refused before validation.
            if (DeeperThan(xml, MaxDepth) is { } line)
                return (null, [$"Het bericht is dieper genest dan {MaxDepth} niveaus (regel {line}); een iWmo/iJw-bericht is dat nooit."]);
            // No DTDs and no external entities: a received document is untrusted input.
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return (null, [$"Geen leesbare XML (regel {e.LineNumber}): {e.Message}"]);
        }
        var problems = new List<string>();
        document.Validate(SetFor(soort), (_, e) => problems.Add(Describe(e)), addSchemaInfo: false);
        return (document, problems);
    }

    /// <summary>Deeper than any 3.2 message goes (they stay under ten levels).</summary>
    public const int MaxDepth = 32;

    private static int? DeeperThan(string xml, int max)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
            if (reader.Depth > max) return (reader as IXmlLineInfo)?.LineNumber ?? 0;
        return null;
    }

    /// <summary>
    /// The validator's message without the value it quotes: a refused message keeps nothing of its content, and a BSN or a name
    /// that did not fit its type would otherwise be kept in the problems.
    /// </summary>
    private static string Describe(ValidationEventArgs e)
    {
        var message = QuotedValue().Replace(e.Message, "value (weggelaten)");
        return e.Exception is { LineNumber: > 0 } x ? $"regel {x.LineNumber}: {message}" : message;
    }

    [System.Text.RegularExpressions.GeneratedRegex("value '[^']*'", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex QuotedValue();

    private static XmlSchemaSet SetFor(BerichtSoort soort) => Sets.GetOrAdd(soort.Naam, _ =>
    {
        var folder = soort.Framework == LegalFramework.Jeugdwet ? "jw" : "wmo";
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedResolver(folder) };
        set.Add(soort.Namespace, XmlReader.Create(Open(folder, soort.Naam + ".xsd"), new XmlReaderSettings { XmlResolver = null }, $"regie-xsd:///{folder}/{soort.Naam}.xsd"));
        set.Compile();
        return set;
    });

    private static Stream Open(string folder, string file) =>
        typeof(BerichtSchemas).Assembly.GetManifestResourceStream($"Regie.Xsd.{folder}.{file}")
        ?? throw new InvalidOperationException($"The XSD {folder}/{file} is not embedded.");

    /// <summary>Resolves the message schemas' import of basisschema.xsd to the embedded copy; nothing is fetched from elsewhere.</summary>
    private sealed class EmbeddedResolver(string folder) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            Open(folder, Path.GetFileName(absoluteUri.AbsolutePath));
    }
}
