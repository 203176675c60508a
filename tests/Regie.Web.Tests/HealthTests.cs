using System.Net;

namespace Regie.Web.Tests;

public sealed class HealthTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Ops_sees_health_with_database_reachable()
    {
        using var client = _app.AnonymousClient();
        var ready = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"database\"", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        // The look-up's parts: on PostgreSQL the register's copy in memory (loaded shortly after start), on SQLite the database.
        var expected = _app.Database.Provider == Regie.Web.Infrastructure.DatabaseProvider.Postgres ? "register in het geheugen" : "het opzoeken leest de database";
        var body = await ready.Content.ReadAsStringAsync();
        for (var i = 0; i < 100 && !body.Contains(expected, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
            body = await (await client.GetAsync("/health")).Content.ReadAsStringAsync();
        }
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.Contains("\"audit-journal\"", body, StringComparison.Ordinal);
    }
}
