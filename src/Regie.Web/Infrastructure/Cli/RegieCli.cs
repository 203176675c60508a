using Regie.Web.Features;
using Regie.Web.Infrastructure.Demo;
using System.CommandLine;

namespace Regie.Web.Infrastructure.Cli;

/// <summary>
/// The root of the admin CLI: serving, the database's commands, and whatever each slice in
/// <see cref="FeatureRegistration.All"/> contributes through <see cref="IFeature.Commands"/>.
/// A slice's commands live in its own folder; adding one does not touch this file.
/// </summary>
public static class RegieCli
{
    /// <summary>Exit code of a call that was not understood: an unknown command, option or argument.</summary>
    public const int NotUnderstood = 2;

    private const string ExitCodes = "Exitcodes: 0 gelukt; 1 mislukt (database, configuratie of fout in de gegevens); 2 opdracht, optie of waarde niet begrepen.";

    public static async Task<int> RunAsync(string[] args)
    {
        var (overrides, tokens) = SplitOverrides(args);
        var root = new RootCommand("Regie: één huishouden, één plan, één regisseur. Zonder opdracht start de webserver. "
            + "Configuratie overschrijven kan bij elke opdracht met --Sleutel=waarde: een token dat begint met '--', direct gevolgd door een hoofdletter, "
            + "met '=' en de waarde in hetzelfde token (bijvoorbeeld --Database:Provider=Postgres of --Urls=http://localhost:5080). "
            + "Al het andere moet een bekende opdracht of optie zijn; anders volgen de melding, de hulp en exitcode 2.");
        root.SetAction((pr, ct) => ServeAsync(overrides, ct));

        var serve = new Command("serve", "Start de webserver (standaard).");
        serve.SetAction((pr, ct) => ServeAsync(overrides, ct));
        root.Subcommands.Add(serve);

        var cli = new CliHost(overrides);
        foreach (var command in DatabaseCommands.Commands(cli).Concat(FeatureRegistration.All.SelectMany(f => f.Commands(cli))))
            root.Subcommands.Add(command);

        foreach (var command in Commands(root).Where(c => c.Action is not null))
            command.Description = $"{command.Description} {ExitCodes}";

        var parsed = root.Parse(tokens);
        if (parsed.Errors.Count > 0)
        {
            // An unknown command must never fall through to starting the server.
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"Niet begrepen: {error.Message}");
            Console.Error.WriteLine();
            new System.CommandLine.Help.HelpAction().Invoke(parsed);
            return NotUnderstood;
        }
        return await parsed.InvokeAsync();
    }

    /// <summary>
    /// A configuration override is one token "--Key=value" whose key starts with a capital letter (configuration keys
    /// are PascalCase, Regie's options are lower case): "--Database:Provider=Postgres". It goes to the host's configuration;
    /// every other token is parsed as a command, option or argument.
    /// </summary>
    public static (string[] Overrides, string[] Tokens) SplitOverrides(IEnumerable<string> args)
    {
        var overrides = new List<string>();
        var tokens = new List<string>();
        foreach (var arg in args)
            (IsOverride(arg) ? overrides : tokens).Add(arg);
        return (overrides.ToArray(), tokens.ToArray());
    }

    private static bool IsOverride(string arg) =>
        arg.Length > 3 && arg.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetterUpper(arg[2]) && arg.IndexOf('=') > 3;

    private static IEnumerable<Command> Commands(Command command) => new[] { command }.Concat(command.Subcommands.SelectMany(Commands));

    private static async Task<int> ServeAsync(string[] hostArgs, CancellationToken ct)
    {
        var app = RegieApp.Build(hostArgs);
        await Startup.PrepareAsync(app.Services, app.Configuration, ct);
        app.Lifetime.ApplicationStarted.Register(() => Startup.PrintBanner(app));
        try
        {
            await app.RunAsync();
        }
        catch (DemoExposedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        return 0;
    }
}
