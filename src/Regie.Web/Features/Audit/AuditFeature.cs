using System.CommandLine;
using Regie.Web.Infrastructure.Cli;

namespace Regie.Web.Features.Audit;

public sealed class AuditFeature : IFeature
{
    public IEnumerable<Command> Commands(CliHost cli) => [AuditCommands.Create(cli)];
}
