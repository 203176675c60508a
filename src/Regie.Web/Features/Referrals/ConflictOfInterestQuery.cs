using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Referrals;

public sealed record TeamShareRow(Guid? TeamId, string Team, int Verwijzingen, int NaarEigenWerkgever, decimal? Aandeel);

public sealed record ProviderShareRow(Guid? TeamId, string Team, Guid AanbiederId, string Aanbieder, int DoorEigenMedewerkers, int DoorEigenMedewerkersNaarAanbieder,
    decimal? AandeelEigenMedewerkers, int DoorOnafhankelijken, int DoorOnafhankelijkenNaarAanbieder, decimal? AandeelOnafhankelijken);

public sealed record ConflictOfInterestReport(DateOnly Van, DateOnly Tot, IReadOnlyList<TeamShareRow> Teams, IReadOnlyList<ProviderShareRow> Aanbieders);

/// <summary>The conflict-of-interest figures over the referrals sent in a period, per team and for the whole municipality (team "Alle teams").</summary>
public sealed class ConflictOfInterestQuery(RegieDbContext db, TimeProvider clock)
{
    public const string AllTeams = "Alle teams";

    /// <param name="from">First day, inclusive; default a year ago.</param>
    /// <param name="until">Last day, inclusive; default today.</param>
    public async Task<CommandResult<ConflictOfInterestReport>> ReportAsync(string? from, string? until, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ErrorList();
        var van = today.AddYears(-1);
        var tot = today;
        if (!string.IsNullOrWhiteSpace(from) && !DutchDate.TryParse(from, out van) && !DateOnly.TryParseExact(from, "yyyy-MM-dd", out van))
            errors.Add(DateRules.PeriodStartUnreadable("Van"));
        if (!string.IsNullOrWhiteSpace(until) && !DutchDate.TryParse(until, out tot) && !DateOnly.TryParseExact(until, "yyyy-MM-dd", out tot))
            errors.Add(DateRules.PeriodEndUnreadable("Tot"));
        if (!errors.HasErrors) errors.AddRange(DateRules.CheckPeriod(van, tot, today, "Van", "Tot"));
        if (errors.HasErrors) return CommandResult<ConflictOfInterestReport>.Invalid(errors.Errors);

        var start = van.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = tot.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var facts = await db.Referrals.AsNoTracking().Where(r => r.SentAt >= start && r.SentAt < end)
            .Select(r => new ReferralFact(r.TeamId, r.ReferrerEmployerKind, r.ReferrerEmployerOrganisationId, r.ProviderOrganisationId)).ToListAsync(ct);
        var figures = ConflictOfInterest.Compute(facts);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        string TeamName(Guid? id) => id is { } t ? teams.GetValueOrDefault(t, "onbekend team") : AllTeams;
        return CommandResult<ConflictOfInterestReport>.Ok(new ConflictOfInterestReport(van, tot,
            figures.Teams.Select(t => new TeamShareRow(t.TeamId, TeamName(t.TeamId), t.Referrals, t.ToOwnEmployer, t.OwnEmployerShare)).ToList(),
            figures.Providers.Select(p => new ProviderShareRow(p.TeamId, TeamName(p.TeamId), p.ProviderId, organisations.GetValueOrDefault(p.ProviderId, "onbekende organisatie"),
                p.ByProviderStaff, p.ByProviderStaffToProvider, p.OwnShare, p.ByIndependentStaff, p.ByIndependentStaffToProvider, p.IndependentShare)).ToList()));
    }

    /// <summary>A share as a Dutch percentage with one decimal ("41,7%"), or a dash when there is nothing to divide.</summary>
    public static string Percent(decimal? share) =>
        share is { } s ? (s * 100).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) + "%" : "—";
}
