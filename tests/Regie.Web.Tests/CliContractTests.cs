using Regie.Web.Infrastructure.Cli;

namespace Regie.Web.Tests;

/// <summary>Issue 18: a command the CLI does not understand is refused with the help and exit code 2, never a started server.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliContractTests
{
    private static string[] DatabaseArgs(TestDatabase db) =>
        [$"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    [Theory]
    [InlineData("seed-demo", "migrte")]
    [InlineData("Breng het databaseschema", "migrate", "--bogus")]
    [InlineData("seed-demo", "--households=5")]
    public async Task Ops_mistyping_a_command_or_option_gets_the_help_and_exit_2_not_a_server(string inHelp, params string[] args)
    {
        // A started server would not return: the timeout is the proof that none started.
        var (exit, output) = await ConsoleCollection.RunAsync(args).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(RegieCli.NotUnderstood, exit);
        Assert.Equal(2, exit);
        Assert.Contains("Niet begrepen", output);
        Assert.Contains(inHelp, output.Split("Niet begrepen").Last());
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task Ops_overrides_configuration_with_key_is_value_and_the_command_uses_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (exit, output) = await ConsoleCollection.RunAsync(["migrate", .. DatabaseArgs(db)]);
        Assert.Equal(0, exit);
        Assert.Contains("Toegepast", output);

        var (overrides, tokens) = RegieCli.SplitOverrides(["migrate", "--Database:Provider=Postgres", "--dry-run"]);
        Assert.Equal(["--Database:Provider=Postgres"], overrides);
        Assert.Equal(["migrate", "--dry-run"], tokens);
        // Lower case is an option of a command, and a key without '=' is no override: both go to the parser.
        (overrides, tokens) = RegieCli.SplitOverrides(["--households=5", "--Database:Provider", "x"]);
        Assert.Empty(overrides);
        Assert.Equal(["--households=5", "--Database:Provider", "x"], tokens);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("serve")]
    [InlineData("apikey", "create")]
    [InlineData("socialmap", "import")]
    public async Task Ops_reads_every_commands_exit_codes_in_its_help(params string[] command)
    {
        var (exit, output) = await ConsoleCollection.RunAsync([.. command, "--help"]);
        Assert.Equal(0, exit);
        Assert.Contains("Exitcodes: 0 gelukt; 1 mislukt", output);
        Assert.Contains("2 opdracht, optie of waarde niet begrepen", output);
    }

    [Fact]
    public async Task Ops_reads_how_configuration_overrides_are_written_in_the_root_help()
    {
        var (exit, output) = await ConsoleCollection.RunAsync(["--help"]);
        Assert.Equal(0, exit);
        Assert.Contains("--Sleutel=waarde", output);
        Assert.Contains("--Database:Provider=Postgres", output);
    }
}
