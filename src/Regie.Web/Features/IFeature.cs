using System.CommandLine;
using Regie.Web.Infrastructure.Cli;

namespace Regie.Web.Features;

/// <summary>
/// One slice's wiring, kept in the slice's own folder (<c>&lt;Area&gt;/&lt;Area&gt;Feature.cs</c>). Every member has an
/// empty default, so a slice implements only what it has. <see cref="FeatureRegistration.All"/> lists the slices.
/// </summary>
public interface IFeature
{
    /// <summary>The slice's top-level CLI commands, in the order they appear in the help.</summary>
    IEnumerable<Command> Commands(CliHost cli) => [];
}
