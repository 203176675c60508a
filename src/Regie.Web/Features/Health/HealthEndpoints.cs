using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Regie.Web.Data;
using System.Text.Json;

namespace Regie.Web.Features.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddRegieHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<AuditJournalHealthCheck>("audit-journal", tags: ["ready"])
            .AddCheck<LookupRegisterHealthCheck>("lookup-register", tags: ["ready"]);
        return services;
    }

    /// <summary>/health/live: the process answers (for restarts). /health: it can reach its database (for traffic).</summary>
    public static void MapRegieHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson }).AllowAnonymous();
    }

    private static Task WriteJson(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }
}

public sealed class DatabaseHealthCheck(RegieDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy("database bereikbaar")
                : HealthCheckResult.Unhealthy("database niet bereikbaar");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("database niet bereikbaar", e);
        }
    }
}

/// <summary>
/// Degraded (still 200: look-ups stay on record in the journal) when the drain has not moved the look-up
/// journal into the chained trail for half a minute: the trail is then behind, and the journal grows. Degraded
/// too, until the server restarts, once the drain has rejected a line that failed its check: someone or something
/// changed the journal, and the audit trail says where (action journal-rejected).
/// </summary>
public sealed class AuditJournalHealthCheck(Audit.AuditJournal journal, Audit.AuditJournalDrain drain, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!journal.Enabled) return Task.FromResult(HealthCheckResult.Healthy("niet in gebruik: opzoekingen gaan direct naar de audittrail"));
        if (drain.Rejected > 0)
            return Task.FromResult(HealthCheckResult.Degraded(
                $"auditjournaal: {drain.Rejected} regel(s) afgewezen sinds de start (gewijzigd, ingevoegd of verwijderd), laatst {drain.LastRejected}; zie de audittrail"));
        var since = drain.LastMoved is { } last ? clock.GetUtcNow() - last : (TimeSpan?)null;
        return Task.FromResult(since is { } s && s < TimeSpan.FromSeconds(30)
            ? HealthCheckResult.Healthy("auditjournaal wordt bijgewerkt in de audittrail")
            : HealthCheckResult.Degraded(since is null
                ? "auditjournaal nog niet naar de audittrail verplaatst"
                : $"auditjournaal loopt {(int)since.Value.TotalSeconds} s achter op de audittrail: {drain.LastError ?? "onbekende oorzaak"}"));
    }
}

/// <summary>Degraded when the look-up's copy of the register is not loaded: it then reads the database, correct but slower.</summary>
public sealed class LookupRegisterHealthCheck(Involvements.LookupRegister register, Involvements.LookupDataSource source, Involvements.InvolvementOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(source.Postgres is null || !options.LookupInMemory
            ? HealthCheckResult.Healthy("niet in gebruik: het opzoeken leest de database")
            : register.IsLoaded
                ? HealthCheckResult.Healthy($"register in het geheugen: {register.Count} personen")
                : HealthCheckResult.Degraded("register niet in het geheugen; het opzoeken leest de database"));
}
