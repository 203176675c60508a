using Regie.Domain.Common;
using Regie.Web.Features.Shared;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 19: every error code has one home. A code is a <c>const string</c> whose name ends in <c>Code</c>, next to
/// the rule that owns it (or a member of <see cref="ErrorCodes"/>, the codes of HTTP statuses without a rule), and
/// every other use names that constant. Clients and tests match on codes, so two rules that share a value, or a
/// code typed as a literal where it is used, would let one rule's change silently change another's.
/// </summary>
public sealed partial class ErrorCodeCatalogueTests
{
    private static readonly Assembly[] Assemblies = [typeof(DomainError).Assembly, typeof(ErrorCodes).Assembly];

    private static IReadOnlyList<(string Where, string Value)> Catalogue() =>
        Assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => f is { IsLiteral: true, IsInitOnly: false } && f.FieldType == typeof(string)
                            && (f.Name.EndsWith("Code", StringComparison.Ordinal) || t == typeof(ErrorCodes)))
                .Select(f => ($"{t.FullName}.{f.Name}", (string)f.GetRawConstantValue()!)))
            .ToList();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [Fact]
    public void The_catalogue_sees_the_codes_of_both_assemblies()
    {
        var where = Catalogue().ToDictionary(c => c.Where, c => c.Value);
        Assert.Equal("bsn-invalid", where["Regie.Domain.Registry.Bsn.InvalidCode"]);
        Assert.Equal("not-found", where["Regie.Domain.Common.DomainError.NotFoundCode"]);
        Assert.Equal("rate-limited", where["Regie.Web.Features.Shared.ErrorCodes.RateLimited"]);
        Assert.Equal("concurrency-conflict", where["Regie.Web.Features.Shared.ErrorCodes.ConcurrencyConflict"]);
        Assert.Equal("framework-invalid", where["Regie.Domain.Care.LegalFrameworks.InvalidCode"]);
        Assert.True(where.Count > 200, $"only {where.Count} codes found");
    }

    [Fact]
    public void Every_error_code_is_declared_once()
    {
        var twice = Catalogue().GroupBy(c => c.Value).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Where))}").ToList();
        Assert.Empty(twice);
    }

    [Fact]
    public void Every_error_code_is_kebab_case()
    {
        Assert.Empty(Catalogue().Where(c => !KebabCase().IsMatch(c.Value)).Select(c => $"{c.Where} = \"{c.Value}\""));
    }

    /// <summary>What reflection cannot see: a code typed as a literal where an error is made.</summary>
    [Fact]
    public void No_error_is_made_with_a_literal_code()
    {
        var source = Path.Combine(TestApp.RepositoryRoot(), "src");
        var literal = new Regex("""new (Common\.)?DomainError\(\s*"|Extensions\["code"\]\s*=\s*"|Code: (not )?"[a-z]""");
        var found = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => literal.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(source, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.Empty(found);
    }
}
