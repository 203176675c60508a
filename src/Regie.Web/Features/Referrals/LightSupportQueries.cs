using Microsoft.EntityFrameworkCore;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Referrals;

public sealed record LightSupportView(Guid Id, Guid? DoelId, string Omschrijving, LightSupportKind? Soort, DateOnly Start, DateOnly GeplandEinde, string Uitvoerder,
    DateOnly? Beeindigd, string? Uitkomst, bool TeLang, int Versie);

public sealed record LightSupportSettingsView(bool Toegestaan, int MaxWeken, IReadOnlyList<LightSupportKind> Soorten, int Opvolgdagen, int Versie, bool Standaard)
{
    public LightSupportSettings Rules => new(Toegestaan, MaxWeken, Soorten);
}

/// <summary>
/// Reads of light support without a decision (the Utrecht model): the municipality's settings, including the
/// referrals' default follow-up term, and a household's light support.
/// </summary>
public sealed class LightSupportQueries(RegieDbContext db, FileAccessService access, AuditLog audit, TimeProvider clock)
{
    public async Task<LightSupportSettingsView> SettingsAsync(CancellationToken ct)
    {
        var row = await db.LightSupportConfigurations.AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            var d = LightSupportSettings.Default;
            return new LightSupportSettingsView(d.Allowed, d.MaxWeeks, d.Kinds, ReferralRules.DefaultFollowUpDays, 0, true);
        }
        return new LightSupportSettingsView(row.Allowed, row.MaxWeeks, LightSupportSettings.ParseKinds(row.Kinds), row.FollowUpDays, row.Version, false);
    }

    public async Task<int> FollowUpDaysAsync(CancellationToken ct) => (await SettingsAsync(ct)).Opvolgdagen;

    /// <summary>The household's light support, newest first; each list read is one audit entry with its number of items.</summary>
    /// <param name="audited">False where the page records its own read of the plan, or the PDF its export.</param>
    public async Task<IReadOnlyList<LightSupportView>> ForHouseholdAsync(Guid householdId, CancellationToken ct, bool audited = true)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return [];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.LightSupports.AsNoTracking().Where(s => s.HouseholdId == householdId).OrderByDescending(s => s.StartOn).ToListAsync(ct);
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.LightSupport, householdId, detail: $"lichte ondersteuning ({rows.Count})", ct: ct);
        return rows.Select(s => new LightSupportView(s.Id, s.GoalId, s.Description, s.Kind, s.StartOn, s.PlannedEndOn, s.DeliveredByName, s.EndedOn, s.Outcome,
                s.IsOverdueOn(today), s.Version)).ToList();
    }
}
