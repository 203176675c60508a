using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.ApiKeys;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class ApiKeyTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string[] DatabaseArgs => [$"--Database:Provider={_app.Database.Provider}", $"--Database:ConnectionString={_app.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning"];

    private async Task<string> CreateKeyAsync(string org, string role)
    {
        var (exit, output) = await ConsoleCollection.RunAsync(["apikey", "create", "--org", org, "--role", role, .. DatabaseArgs]);
        Assert.Equal(0, exit);
        return output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("rg_", StringComparison.Ordinal));
    }

    private HttpClient KeyClient(string key)
    {
        var client = _app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, key);
        return client;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    [Fact]
    public async Task Partner_system_calls_the_api_with_a_key_shown_once_and_stored_hashed()
    {
        var key = await CreateKeyAsync("Woningcorporatie Thuis", "consulent");
        using var client = KeyClient(key);
        var response = await client.GetAsync("/api/v1/persons?naam=Jansen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var scope = _app.Scope();
        var row = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().ApiKeys.SingleAsync();
        Assert.Equal("Woningcorporatie Thuis", row.Organisation);
        Assert.DoesNotContain(key.Split('_')[2], row.SecretHash);
        Assert.Equal(ApiKeyService.Hash(key), row.SecretHash);
        Assert.NotNull(row.LastUsedAt);
        // The key acts under its organisation's name in the audit trail.
        var entry = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == "search");
        Assert.Equal("Woningcorporatie Thuis", entry.Organisation);
        Assert.Equal("consulent", entry.Role);
    }

    [Fact]
    public async Task Busy_system_does_not_write_last_use_on_every_call()
    {
        var key = await CreateKeyAsync("GGD", "consulent");
        using var client = KeyClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);
        DateTime? first;
        await using (var scope = _app.Scope())
            first = (await scope.ServiceProvider.GetRequiredService<RegieDbContext>().ApiKeys.AsNoTracking().SingleAsync()).LastUsedAt;
        Assert.NotNull(first);

        await Task.Delay(50);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);
        await using (var scope = _app.Scope())
            Assert.Equal(first, (await scope.ServiceProvider.GetRequiredService<RegieDbContext>().ApiKeys.AsNoTracking().SingleAsync()).LastUsedAt);
    }

    [Fact]
    public async Task Key_carries_the_rules_of_its_role()
    {
        var key = await CreateKeyAsync("Werk & Inkomen", "afdeling");
        using var client = KeyClient(key);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);
    }

    [Fact]
    public async Task Wrong_and_revoked_keys_get_401_api_key_invalid()
    {
        var key = await CreateKeyAsync("UWV", "consulent");
        using (var forged = KeyClient(key[..^1] + (key[^1] == 'a' ? 'b' : 'a')))
        {
            var r = await forged.GetAsync("/api/v1/persons?naam=Jansen");
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            Assert.Equal("api-key-invalid", await CodeAsync(r));
        }

        var (exit, _) = await ConsoleCollection.RunAsync(["apikey", "revoke", key.Split('_')[1], .. DatabaseArgs]);
        Assert.Equal(0, exit);
        using var revoked = KeyClient(key);
        var response = await revoked.GetAsync("/api/v1/persons?naam=Jansen");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api-key-invalid", await CodeAsync(response));

        var (listExit, list) = await ConsoleCollection.RunAsync(["apikey", "list", .. DatabaseArgs]);
        Assert.Equal(0, listExit);
        Assert.Contains("ingetrokken", list);
        Assert.DoesNotContain(key, list);
    }

    [Fact]
    public async Task Unknown_role_is_refused_at_creation()
    {
        var (exit, output) = await ConsoleCollection.RunAsync(["apikey", "create", "--org", "X", "--role", "superuser", .. DatabaseArgs]);
        Assert.Equal(2, exit);
        Assert.Contains("Onbekende rol", output);
    }

    [Fact]
    public async Task A_key_does_not_open_the_web_pages_and_is_not_sent_to_the_login_page()
    {
        var key = await CreateKeyAsync("Woningcorporatie Thuis", "consulent");
        using var client = KeyClient(key);
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Null(page.Headers.Location);
    }

    [Fact]
    public async Task Unknown_municipality_code_is_refused_at_creation()
    {
        var (exit, output) = await ConsoleCollection.RunAsync(["apikey", "create", "--org", "UWV", "--role", "consulent", "--gemeente", "12", .. DatabaseArgs]);
        Assert.Equal(2, exit);
        Assert.Contains("4 cijfers", output);
        await using var scope = _app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<RegieDbContext>().ApiKeys.AnyAsync());
    }

    [Fact]
    public async Task Admin_revokes_a_key_by_its_id()
    {
        var (exit, output) = await ConsoleCollection.RunAsync(["apikey", "create", "--org", "GGD", "--role", "consulent", .. DatabaseArgs]);
        Assert.Equal(0, exit);
        Assert.Contains("kan hem niet opnieuw tonen", output);
        var id = System.Text.RegularExpressions.Regex.Match(output, @"id ([0-9a-f-]{36})").Groups[1].Value;
        var key = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("rg_", StringComparison.Ordinal));
        using var client = KeyClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);

        Assert.Equal(0, (await ConsoleCollection.RunAsync(["apikey", "revoke", id, .. DatabaseArgs])).Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);
    }
}
