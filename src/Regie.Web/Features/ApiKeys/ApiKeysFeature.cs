using System.CommandLine;
using Regie.Web.Infrastructure.Cli;

namespace Regie.Web.Features.ApiKeys;

public sealed class ApiKeysFeature : IFeature
{
    public IEnumerable<Command> Commands(CliHost cli) => [ApiKeyCommands.Create(cli)];
}
