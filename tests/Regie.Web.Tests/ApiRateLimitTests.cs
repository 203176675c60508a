using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Features.ApiKeys;
using Regie.Web.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Regie.Web.Tests;

/// <summary>A key that calls too often is stopped for the minute, with a problem answer; other callers go on.</summary>
public sealed class ApiRateLimitTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Security:ApiRequestsPerMinute"] = "3" });
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> KeyClientAsync(string organisation)
    {
        await using var scope = _app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(organisation, Roles.Consulent, TestApp.Gemeentecode, "test", default);
        var client = _app.AnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.Header, created.Value.Key);
        return client;
    }

    [Fact]
    public async Task A_system_that_searches_persons_too_often_is_told_to_wait_a_minute()
    {
        using var busy = await KeyClientAsync("Woningcorporatie Thuis");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);

        var refused = await busy.GetAsync("/api/v1/persons?bsn=999990019");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("rate-limited", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        using var other = await KeyClientAsync("GGD");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/persons?naam=Jansen")).StatusCode);
    }
}
