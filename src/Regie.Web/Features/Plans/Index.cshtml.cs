using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Trajectories;

namespace Regie.Web.Features.Plans;

public sealed class IndexModel(HouseholdQueries households, PlanQueries plans, StartPlanHandler start, CompleteActionHandler complete, TrajectoryQueries trajectories,
    Referrals.ReferralQueries referrals, Referrals.LightSupportQueries lightSupport, VeiligVerder.VeiligVerderQueries veiligVerder) : PageModel
{
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public PlanView? Plan { get; private set; }
    public IReadOnlyList<TrajectoryView> Trajectories { get; private set; } = [];
    public TrajectoryView? OpenTrajectory => Trajectories.FirstOrDefault(t => t.Gesloten is null);
    public IReadOnlyList<Referrals.ReferralView> Referrals { get; private set; } = [];
    public IReadOnlyList<Referrals.LightSupportView> LightSupport { get; private set; } = [];
    /// <summary>The plan's safety annex; its own audited read, as it is its own resource.</summary>
    public VeiligVerder.VeiligVerderView? VeiligVerder { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        var result = await start.HandleAsync(id, ct);
        if (this.Finish(result, $"/huishoudens/{id}/plan", "Het plan is gestart. Voeg de doelen toe die u met het huishouden afspreekt.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostGedaanAsync(Guid id, Guid actie, int versie, CancellationToken ct)
    {
        var result = await complete.HandleAsync(id, actie, new VersionInput { Versie = versie }, ct);
        if (this.Finish(result, $"/huishoudens/{id}/plan#acties", "De actie staat op gedaan.") is { } done) return done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        Plan = await plans.CurrentAsync(id, ct);
        // Part of the plan's read, which is recorded once.
        Trajectories = await trajectories.ForHouseholdAsync(id, ct, audited: false);
        Referrals = await referrals.ForHouseholdAsync(id, ct, audited: false) ?? [];
        LightSupport = await lightSupport.ForHouseholdAsync(id, ct, audited: false);
        VeiligVerder = Plan is null ? null : await veiligVerder.CurrentAsync(id, ct);
        return true;
    }
}
