using System.CommandLine;
using Regie.Web.Infrastructure.Cli;

namespace Regie.Web.Features.Monitor;

public sealed class MonitorFeature : IFeature
{
    public IEnumerable<Command> Commands(CliHost cli) => [MonitorCommands.Create(cli)];
}
