using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.ApiKeys;

public sealed class ApiKeysFeature : IFeature
{
    public IEnumerable<Command> Commands(CliHost cli) => [ApiKeyCommands.Create(cli)];
}
