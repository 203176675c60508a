using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Regie.Web.Infrastructure.Cli;

/// <summary>
/// What a feature's commands get from the root: the configuration overrides of this call, a way to run against the
/// same composition root as the server, and a progress display. A feature adds its commands in its own
/// <see cref="Features.IFeature.Commands"/>; the root only collects them.
/// </summary>
public sealed class CliHost(string[] overrides)
{
    /// <summary>The "--Key=value" tokens of this call, for the host's configuration.</summary>
    public string[] Overrides => overrides;

    /// <summary>CLI commands use the same composition root as the server, without starting it.</summary>
    public async Task<int> WithAppAsync(Func<IServiceProvider, Task<int>> run)
    {
        await using var app = RegieApp.Build(overrides, b => b.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] ??= "Warning");
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            return await run(scope.ServiceProvider);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            Console.Error.WriteLine($"Mislukt: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// A progress display on the standard output as it is now. Spectre's static console binds to the output of the
    /// first call in the process and keeps it; a caller that redirects the output per command (the tests do) would
    /// have a later display write, from its refresh thread, into an earlier writer that is already disposed.
    /// </summary>
    public static Progress ProgressDisplay() =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        }).Progress();
}
