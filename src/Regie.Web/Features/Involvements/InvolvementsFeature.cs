using System.CommandLine;
using Regie.Web.Infrastructure.Cli;

namespace Regie.Web.Features.Involvements;

public sealed class InvolvementsFeature : IFeature
{
    public IEnumerable<Command> Commands(CliHost cli) => [InvolvementCommands.Create(cli)];
}
