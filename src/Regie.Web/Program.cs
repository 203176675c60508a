using Regie.Web.Infrastructure.Cli;

// One executable: without a command it serves Regie; with one it is the admin CLI (see --help).
return await RegieCli.RunAsync(args);

namespace Regie.Web
{
    /// <summary>Anchor type for tests and tools that need this assembly.</summary>
    public sealed class WebAssemblyMarker;
}
