using Microsoft.EntityFrameworkCore;
using Regie.Domain.Budget;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>Reading the municipality's mandates (per role and per person) and tariff table. Both keep their history as rows.</summary>
public sealed class BudgetSettings(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <summary>The roles that spend or approve; the municipality itself (beleid) has no limit but the budget.</summary>
    public static readonly IReadOnlyList<string> MandateRoles = [Roles.Professional, Roles.Teamleider];

    public static decimal DefaultFor(string? role) => role switch
    {
        Roles.Professional => Mandates.ProfessionalDefault,
        Roles.Teamleider => Mandates.TeamleaderDefault,
        Roles.Beleid => decimal.MaxValue,
        _ => 0m,
    };

    private async Task<List<SpendMandate>> MandateRowsAsync(CancellationToken ct) =>
        await db.SpendMandates.AsNoTracking().OrderByDescending(m => m.ValidFrom).ToListAsync(ct);

    public async Task<decimal> RoleLimitAsync(string role, CancellationToken ct) => RoleLimit(await MandateRowsAsync(ct), role);

    private static decimal RoleLimit(List<SpendMandate> rows, string? role) =>
        role == Roles.Beleid ? decimal.MaxValue : rows.FirstOrDefault(r => r.UserId == null && r.Role == role)?.Limit ?? DefaultFor(role);

    /// <summary>The person's own mandate when the municipality set one, else their role's.</summary>
    public async Task<decimal> MandateOfAsync(string userId, string? role, CancellationToken ct)
    {
        var rows = await MandateRowsAsync(ct);
        if (role == Roles.Beleid) return decimal.MaxValue;
        return rows.FirstOrDefault(r => r.UserId == userId) is { Limit: { } own } ? own : RoleLimit(rows, role);
    }

    /// <summary>The second limit: above it the municipality approves, not the team lead.</summary>
    public async Task<decimal> TeamLeadLimitAsync(CancellationToken ct) => await RoleLimitAsync(Roles.Teamleider, ct);

    public async Task<IReadOnlyList<MandateView>> CurrentMandatesAsync(CancellationToken ct)
    {
        var rows = await MandateRowsAsync(ct);
        var roles = MandateRoles.Select(r => rows.FirstOrDefault(x => x.UserId == null && x.Role == r) is { } row
            ? new MandateView(r, null, Roles.Label(r), row.Limit, row.ValidFrom, row.ChangedBy)
            : new MandateView(r, null, Roles.Label(r), DefaultFor(r), DateTime.MinValue, "standaard"));
        var ids = rows.Where(r => r.UserId != null).Select(r => r.UserId!).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var persons = ids.Select(id => rows.First(r => r.UserId == id)).Where(r => r.Limit is not null)
            .Select(r => new MandateView(null, r.UserId, names.GetValueOrDefault(r.UserId!) ?? r.UserId, r.Limit, r.ValidFrom, r.ChangedBy));
        return [.. roles, .. persons.OrderBy(p => p.Naam)];
    }

    /// <summary>
    /// The mandates page: the mandates in force, their history and the staff a personal mandate can be set for — who may
    /// spend how much is about named staff, so each read is one audit entry.
    /// </summary>
    public async Task<MandatesOverview> MandatesOverviewAsync(CancellationToken ct)
    {
        var current = await CurrentMandatesAsync(ct);
        var history = await MandateHistoryAsync(ct);
        var staff = await StaffAsync(ct);
        await audit.RecordAsync(AuditActions.Read, AuditResources.Mandate, ct: ct,
            detail: $"mandaten: {current.Count(m => m.Rol is null)} persoonlijk, {history.Count} wijzigingen, {staff.Count} medewerkers");
        return new MandatesOverview(current, history, staff);
    }

    /// <summary>Who a personal mandate can be set for: the municipality's own team staff, never another municipality's.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> StaffAsync(CancellationToken ct)
    {
        var gemeente = user.Gemeentecode;
        return (await db.Users.AsNoTracking().Where(u => u.Gemeentecode == gemeente && u.TeamId != null).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
    }

    public async Task<IReadOnlyList<MandateView>> MandateHistoryAsync(CancellationToken ct)
    {
        var rows = await MandateRowsAsync(ct);
        var ids = rows.Where(r => r.UserId != null).Select(r => r.UserId!).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.Select(r => new MandateView(r.Role, r.UserId, r.UserId is null ? Roles.Label(r.Role!) : names.GetValueOrDefault(r.UserId) ?? r.UserId, r.Limit, r.ValidFrom, r.ChangedBy)).ToList();
    }

    /// <summary>The newest version of every tariff. A municipality that has none yet starts from the defaults, stored so a comparison can point at them.</summary>
    public async Task<IReadOnlyList<TariffView>> CurrentTariffsAsync(CancellationToken ct)
    {
        var rows = await db.Tariffs.AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0 && user.Gemeentecode is { } code)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            rows = Domain.Budget.Tariffs.Defaults.Select(d => new Tariff
            {
                Id = Guid.CreateVersion7(), Gemeentecode = code, Code = d.Code, Name = d.Name, Unit = d.Unit, Amount = d.Amount, Source = d.Source,
                ValidFrom = now, ChangedBy = "Standaardwaarden",
            }).ToList();
            db.Tariffs.AddRange(rows);
            await db.SaveChangesAsync(ct);
        }
        var order = Domain.Budget.Tariffs.Defaults.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return rows.GroupBy(r => r.Code).Select(g => g.OrderByDescending(r => r.ValidFrom).First())
            .OrderBy(r => order.GetValueOrDefault(r.Code, int.MaxValue)).ThenBy(r => r.Name)
            .Select(View).ToList();
    }

    public async Task<IReadOnlyList<TariffView>> TariffHistoryAsync(CancellationToken ct) =>
        (await db.Tariffs.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Code).ThenByDescending(r => r.ValidFrom).Select(View).ToList();

    private static TariffView View(Tariff r) => new(r.Id, r.Code, r.Name, r.Unit, r.Amount, r.Source, r.ValidFrom, r.ChangedBy);
}
