using System.CommandLine;
using Regie.Web.Infrastructure.Cli;

namespace Regie.Web.Features.Retention;

public sealed class RetentionFeature : IFeature
{
    public IEnumerable<Command> Commands(CliHost cli) => [RetentionCommands.Create(cli)];
}
