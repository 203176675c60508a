using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Involvements;

/// <summary>
/// Ends every registration whose term has passed without renewal (all municipalities: run by the
/// scheduled job or the CLI as the system). The look-up already ignores them from their expiry date;
/// this records the end, so the register says why it stopped.
/// </summary>
public sealed class ExpireInvolvementsHandler(RegieDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // In one statement, not per entity: the end is the expiry date, as Involvement.End would record it.
        var ended = await db.Involvements.IgnoreQueryFilters().Where(Involvement.ExpiredBy(today))
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.EndedOn, i => i.ExpiresOn).SetProperty(i => i.EndReason, Involvement.ExpiredReason), ct);
        if (ended > 0) await audit.RecordAsync(AuditActions.Update, AuditResources.Involvement, detail: $"{ended} betrokkenheden verlopen (niet verlengd)", ct: ct);
        return ended;
    }
}

/// <summary>Once a day (configurable): registrations older than their term, and not renewed, are ended.</summary>
public sealed class InvolvementExpiryJob(IServiceScopeFactory scopes, InvolvementOptions options, ILogger<InvolvementExpiryJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.ExpiryJobEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(1, options.ExpiryJobIntervalHours)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs("", "betrokkenheid-verloop", "Verloop betrokkenheid (automatisch)");
                var ended = await scope.ServiceProvider.GetRequiredService<ExpireInvolvementsHandler>().HandleAsync(stoppingToken);
                log.LogInformation("Involvement expiry: {Ended} registrations ended", ended);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Involvement expiry failed; it will be tried again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
