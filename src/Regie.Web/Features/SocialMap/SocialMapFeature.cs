using System.CommandLine;
using Regie.Web.Infrastructure.Cli;

namespace Regie.Web.Features.SocialMap;

public sealed class SocialMapFeature : IFeature
{
    public IEnumerable<Command> Commands(CliHost cli) => [SocialMapCommands.Create(cli)];
}
