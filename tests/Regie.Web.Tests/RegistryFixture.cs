namespace Regie.Web.Tests;

/// <summary>One running Regie on a fresh database, shared by the tests of one class (each test uses its own residents).</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync();
    public async Task DisposeAsync() => await App.DisposeAsync();
}
