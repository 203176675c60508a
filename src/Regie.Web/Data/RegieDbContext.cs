using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Regie.Web.Infrastructure;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext(DbContextOptions<RegieDbContext> options, ICurrentMunicipality municipality)
    : IdentityDbContext<RegieUser, IdentityRole, string>(options)
{
    /// <summary>
    /// Read by the query filters on every residents' table, per context instance: one
    /// municipality never sees another's residents, also not through a forgotten Where.
    /// </summary>
    public string? Gemeentecode => municipality.Gemeentecode;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        // Every area keeps its sets and mapping in its own partial file (RegieDbContext.<Area>.cs),
        // one call each here, so work on one area does not touch another's mapping.
        ConfigureAccounts(b);
        ConfigureRegistry(b);
        ConfigureAccess(b);
        ConfigureAudit(b);
        ConfigureSocialMap(b);
        ConfigureReferrals(b);
        ConfigureDecisions(b);
        ConfigureMonitor(b);
        ConfigureEvaluations(b);
        ConfigureAuditJournal(b);
        ConfigureBudget(b);
        ConfigurePlans(b);
        ConfigureInvolvements(b);
        ConfigureRequests(b);
        ConfigureMeldcode(b);
        ConfigureVeiligVerder(b);
        ConfigureNetwork(b);
        ConfigureConferences(b);
        ConfigureDocuments(b);
        ConfigureConsent(b);
        ConfigureMessages(b);
        ConfigureContactNotes(b);
        ConfigureVroegsignalering(b);
        ConfigureIStandaarden(b);
        ConfigureScenarios(b);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            // Events are facts: the database triggers refuse changes too, this gives the clearer error first.
            if (entry.Entity is HouseholdEvent or AuditEntry or BudgetEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} rows are immutable.");

            // Optimistic concurrency: the UPDATE matches the version that was read, and bumps it,
            // so a second save of the same stale version affects no row and fails.
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version)
                entry.Property(version.Name).CurrentValue = (int)entry.Property(version.Name).OriginalValue! + 1;
        }
    }
}
