using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Cli;
using Regie.Web.Infrastructure.Demo;
using System.Net;

namespace Regie.Web.Tests;

/// <summary>
/// The demo accounts' password is published: a server that holds them does not listen beyond loopback unless
/// the operator says so explicitly. In the console collection: one test runs the CLI's serve command.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DemoExposureTests
{
    private const string Everywhere = "http://0.0.0.0:0";

    [Fact]
    public async Task Server_with_demo_accounts_refuses_to_listen_on_every_interface()
    {
        var refused = await Assert.ThrowsAsync<DemoExposedException>(() => TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Urls"] = Everywhere }));
        Assert.Equal(
            $"Regie start niet: de database bevat {DemoSeeder.Logins.Length} demo-accounts met het gepubliceerde wachtwoord, en de server zou luisteren op {Everywhere} " +
            "(niet alleen op loopback). Luister op 127.0.0.1, localhost of [::1] (Urls), verwijder de demo-accounts, of zet Demo:AllowNonLoopback=true als u dit bewust wilt.",
            refused.Message);
    }

    [Fact]
    public async Task Operator_who_allows_it_explicitly_can_show_the_demo_on_every_interface()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Urls"] = Everywhere, [DemoExposureGuard.AllowKey] = "true" });
        Assert.StartsWith("http://0.0.0.0:", app.App.Urls.Single(), StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{new Uri(app.App.Urls.Single()).Port}") };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Demo_on_loopback_starts_and_only_demo_accounts_block_a_public_address()
    {
        await using var app = await TestApp.StartAsync();
        Assert.StartsWith("http://127.0.0.1:", app.App.Urls.Single(), StringComparison.Ordinal);

        // The same server's check, as a production set-up listening everywhere would run it.
        var publicConfig = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = "http://0.0.0.0:5080" }).Build();
        var guard = new DemoExposureGuard(app.Services.GetRequiredService<IServiceScopeFactory>(), publicConfig, NullLogger<DemoExposureGuard>.Instance);
        await Assert.ThrowsAsync<DemoExposedException>(() => guard.StartingAsync(default));

        // One demo account left is enough to refuse.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RegieUser>>();
            foreach (var login in DemoSeeder.Logins.Skip(1))
                Assert.True((await users.DeleteAsync((await users.FindByEmailAsync(login.Email))!)).Succeeded);
        }
        Assert.StartsWith("Regie start niet: de database bevat 1 demo-accounts", (await Assert.ThrowsAsync<DemoExposedException>(() => guard.StartingAsync(default))).Message, StringComparison.Ordinal);

        // Without demo accounts, a real installation listens where its operator says.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RegieUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByEmailAsync(DemoSeeder.Logins[0].Email))!)).Succeeded);
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.CountAsync());
        }
        await guard.StartingAsync(default);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3:80", true)]
    [InlineData("https://127.0.0.1:0", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://LOCALHOST:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://10.0.0.5:5080", false)]
    [InlineData("https://regie.gemeente.nl", false)]
    [InlineData("http://localhost.gemeente.nl:5080", false)]
    [InlineData("http://unix:/run/regie.sock", false)]
    [InlineData("geen adres", false)]
    public void Only_loopback_addresses_count_as_loopback(string address, bool loopback) =>
        Assert.Equal(loopback, DemoExposureGuard.IsLoopback(address));

    [Fact]
    public void Every_way_to_configure_where_the_server_listens_is_checked()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:5080; http://[::1]:5080",
            ["HTTP_PORTS"] = "8080",
            ["Kestrel:Endpoints:Publiek:Url"] = "https://regie.gemeente.nl:8443",
        }).Build();
        var addresses = DemoExposureGuard.ListenAddresses(config);
        Assert.Equal(["http://127.0.0.1:5080", "http://[::1]:5080", "http://*:8080", "https://regie.gemeente.nl:8443"], addresses);
        Assert.Equal(["http://*:8080", "https://regie.gemeente.nl:8443"], DemoExposureGuard.NonLoopback(addresses));
        // Nothing configured is Kestrel's default, localhost.
        Assert.Empty(DemoExposureGuard.ListenAddresses(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public async Task Serve_with_demo_accounts_on_every_interface_exits_non_zero_with_the_reason_on_stderr()
    {
        await using var db = await TestDatabase.CreateAsync();
        string[] settings = [$"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}", "--Logging:LogLevel:Default=None",
            "--Demo:SeedOnFirstStart=false", $"--DataProtection:KeysPath={Path.Combine(Path.GetTempPath(), "regie-tests", "keys")}"];
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["seed-demo", "--households", "0", .. settings])).Exit);

        var (original, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        int exit;
        try
        {
            var serve = RegieCli.RunAsync(["serve", $"--Urls={Everywhere}", .. settings]);
            // A server that did start would never return: give up waiting rather than hang the suite.
            Assert.Same(serve, await Task.WhenAny(serve, Task.Delay(TimeSpan.FromSeconds(60))));
            exit = await serve;
        }
        finally
        {
            Console.SetOut(original);
            Console.SetError(originalError);
        }
        Assert.Equal(1, exit);
        Assert.StartsWith($"Regie start niet: de database bevat {DemoSeeder.Logins.Length} demo-accounts", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Regie draait op", output.ToString(), StringComparison.Ordinal);
    }
}
