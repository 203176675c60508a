using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Team;

/// <summary>The team lead's stuck list: their own team's households only; another team's are that team's lead's to see.</summary>
public sealed class StuckModel(StuckHouseholdsQuery query, Audit.AuditLog audit, Meldcode.MeldcodeQueries meldcode, Meldcode.MeldcodeTeamQueries tracks) : PageModel
{
    /// <summary>The team's Meldcode tracks that stood still: the team lead reads them, so they are named.</summary>
    public IReadOnlyList<Meldcode.MeldcodeTeamTrack> StuckTracks { get; private set; } = [];
    public int StuckAfterDays => tracks.StuckAfterDays;

    /// <summary>The households of the list that show the "Veiligheid" marker to this user.</summary>
    public IReadOnlySet<Guid> Safety { get; private set; } = new HashSet<Guid>();
    public IReadOnlyList<StuckHousehold> Households { get; private set; } = [];
    public string? TeamName { get; private set; }
    public Domain.Care.StuckSettings Settings => query.Settings;

    public async Task OnGetAsync(CancellationToken ct)
    {
        TeamName = await query.OwnTeamNameAsync(ct);
        Households = await query.ForLeadAsync(ct);
        Safety = await meldcode.MarkedAsync(Households.Select(h => h.Id).ToList(), ct);
        await audit.RecordListAsync(Audit.AuditResources.Trajectory, $"vastgelopen huishoudens van {TeamName} ({Households.Count})",
            Households.Select(h => ((Guid?)h.Id, (Guid?)null)), ct);
        StuckTracks = await tracks.StuckAsync(ct);
        await audit.RecordListAsync(Audit.AuditResources.Meldcode, $"stilgevallen meldcodetrajecten van {TeamName} ({StuckTracks.Count})",
            StuckTracks.Select(t => ((Guid?)t.HuishoudenId, (Guid?)null)), ct);
    }
}
