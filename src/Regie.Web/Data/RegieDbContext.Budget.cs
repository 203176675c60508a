using Microsoft.EntityFrameworkCore;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<TeamBudget> TeamBudgets => Set<TeamBudget>();
    public DbSet<BudgetEntry> BudgetEntries => Set<BudgetEntry>();
    public DbSet<Spend> Spends => Set<Spend>();
    public DbSet<SpendMandate> SpendMandates => Set<SpendMandate>();
    public DbSet<Tariff> Tariffs => Set<Tariff>();

    private void ConfigureBudget(ModelBuilder b)
    {
        b.Entity<TeamBudget>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Gemeentecode, x.TeamId, x.Year }).IsUnique();
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<BudgetEntry>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Framework).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Domain).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Amount).HasPrecision(14, 2);
            e.Property(x => x.Reason).HasMaxLength(BudgetEntry.ReasonMaxLength);
            e.Property(x => x.ActorId).HasMaxLength(BudgetEntry.ActorIdMaxLength);
            e.Property(x => x.ActorName).HasMaxLength(BudgetEntry.ActorNameMaxLength);
            e.HasIndex(x => new { x.BudgetId, x.Id });
            e.HasIndex(x => new { x.Gemeentecode, x.Year, x.BookedOn });
            e.HasIndex(x => x.SpendId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Spend>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Domain).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Description).HasMaxLength(Spend.DescriptionMaxLength);
            e.Property(x => x.Justification).HasMaxLength(Spend.JustificationMaxLength);
            e.Property(x => x.Amount).HasPrecision(14, 2);
            e.Property(x => x.PaidAmount).HasPrecision(14, 2);
            e.Property(x => x.AvoidedEstimate).HasPrecision(14, 2);
            e.Property(x => x.Frameworks).HasMaxLength(100);
            e.Property(x => x.SuggestedFrameworks).HasMaxLength(100);
            e.Property(x => x.RequestedBy).HasMaxLength(Spend.ActorIdMaxLength);
            e.Property(x => x.RequestedByName).HasMaxLength(Spend.ActorNameMaxLength);
            e.Property(x => x.DecidedBy).HasMaxLength(Spend.ActorIdMaxLength);
            e.Property(x => x.DecidedByName).HasMaxLength(Spend.ActorNameMaxLength);
            e.Property(x => x.DecisionReason).HasMaxLength(Spend.DecisionReasonMaxLength);
            e.Property(x => x.Payee).HasMaxLength(Spend.PayeeMaxLength);
            e.Property(x => x.CancelReason).HasMaxLength(Spend.CancelReasonMaxLength);
            e.Property(x => x.Comparison).HasMaxLength(8000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.HouseholdId, x.RequestedAt });
            e.HasIndex(x => new { x.Gemeentecode, x.Status, x.Level });
            e.HasIndex(x => new { x.BudgetId, x.Status });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<SpendMandate>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.UserId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.Limit).HasPrecision(14, 2);
            e.Property(x => x.ChangedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Gemeentecode, x.ValidFrom });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Tariff>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Code).HasMaxLength(Tariff.CodeMaxLength);
            e.Property(x => x.Name).HasMaxLength(Tariff.NameMaxLength);
            e.Property(x => x.Unit).HasMaxLength(Tariff.UnitMaxLength);
            e.Property(x => x.Amount).HasPrecision(14, 2);
            e.Property(x => x.Source).HasMaxLength(Tariff.SourceMaxLength);
            e.Property(x => x.ChangedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Gemeentecode, x.Code, x.ValidFrom });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
