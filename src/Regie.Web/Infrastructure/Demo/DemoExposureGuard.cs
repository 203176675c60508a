using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using System.Net;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// The demo accounts' password is published (README, the start banner), so a server that holds them listens on
/// loopback only: it refuses to start when they exist and it would listen anywhere else, unless the operator
/// says <c>Demo:AllowNonLoopback=true</c> (a demo on a shared test machine, knowingly).
/// </summary>
/// <remarks>
/// Demo accounts are recognised by the demo seeder's own login names (<see cref="DemoSeeder.Logins"/>), not by
/// trying the demo password on every account. The login names are as public as the password, and an account
/// with one of them belongs to the fictitious municipality whatever its password is now; one indexed query
/// answers it, where checking every password hash costs a PBKDF2 run per account at every start (about a
/// tenth of a second each: minutes for a large municipality). What this does not catch: a real account
/// someone gave the demo password by hand.
/// Runs before the server binds its addresses (a lifecycle "starting" step), so nothing is ever served.
/// </remarks>
public sealed class DemoExposureGuard(IServiceScopeFactory scopes, IConfiguration config, ILogger<DemoExposureGuard> log) : IHostedLifecycleService
{
    public const string AllowKey = "Demo:AllowNonLoopback";

    public async Task StartingAsync(CancellationToken ct)
    {
        var exposed = NonLoopback(ListenAddresses(config));
        if (exposed.Count == 0) return;
        int demoAccounts;
        try
        {
            demoAccounts = await CountDemoAccountsAsync(ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // Not knowing is not a reason to expose them: the server starts when the database answers.
            throw new DemoExposedException($"Regie start niet: het kan niet nagaan of er demo-accounts zijn ({e.Message}), en het zou luisteren op {string.Join(", ", exposed)}.", e);
        }
        if (demoAccounts == 0) return;
        if (config.GetValue<bool>(AllowKey))
        {
            log.LogWarning("{Count} demo accounts with the published password are reachable on {Addresses}, because {Key}=true", demoAccounts, string.Join(", ", exposed), AllowKey);
            return;
        }
        throw new DemoExposedException(
            $"Regie start niet: de database bevat {demoAccounts} demo-accounts met het gepubliceerde wachtwoord, en de server zou luisteren op {string.Join(", ", exposed)} " +
            $"(niet alleen op loopback). Luister op 127.0.0.1, localhost of [::1] (Urls), verwijder de demo-accounts, " +
            $"of zet {AllowKey}=true als u dit bewust wilt.");
    }

    private async Task<int> CountDemoAccountsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var emails = DemoSeeder.Logins.Select(l => l.Email.ToUpperInvariant()).ToList();
        return await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.IgnoreQueryFilters()
            .CountAsync(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail), ct);
    }

    /// <summary>
    /// Every address the server may listen on: <c>Urls</c> (also <c>ASPNETCORE_URLS</c>), <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c>
    /// (which mean every interface) and Kestrel's own endpoints. Nothing configured is Kestrel's default, localhost.
    /// </summary>
    public static IReadOnlyList<string> ListenAddresses(IConfiguration config)
    {
        var addresses = new List<string>();
        if (config["urls"] is { Length: > 0 } urls) addresses.AddRange(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var (key, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
            if (config[key] is { Length: > 0 } ports)
                addresses.AddRange(ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"{scheme}://*:{p}"));
        foreach (var endpoint in config.GetSection("Kestrel:Endpoints").GetChildren())
            if (endpoint["Url"] is { Length: > 0 } url) addresses.Add(url);
        return addresses;
    }

    /// <summary>
    /// The addresses that are not loopback: only 127.0.0.0/8, <c>localhost</c> and [::1] are; <c>0.0.0.0</c>, <c>*</c>,
    /// <c>+</c>, <c>[::]</c>, any other address or host name, and sockets a proxy may publish are not.
    /// </summary>
    public static IReadOnlyList<string> NonLoopback(IEnumerable<string> addresses) =>
        addresses.Where(a => !IsLoopback(a)).ToList();

    public static bool IsLoopback(string address)
    {
        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }
        if (parsed.IsNamedPipe || parsed.IsUnixPipe) return false;
        var host = parsed.Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.TrimStart('[').TrimEnd(']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The server refuses to start; the message says why and what to do.</summary>
public sealed class DemoExposedException(string message, Exception? inner = null) : Exception(message, inner);
