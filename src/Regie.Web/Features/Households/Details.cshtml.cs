using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Assessments;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Households;

public sealed class DetailsModel(HouseholdQueries queries, TimelineQuery timeline, Access.FileAccessService access, PlanQueries plans, ZrmQueries zrm,
    Requests.RequestQueries requests, Involvements.HouseholdInvolvements involvements, Meldcode.MeldcodeQueries meldcode, Meldcode.MeldcodeAccessService meldcodeAccess) : PageModel
{
    public HouseholdView Household { get; private set; } = default!;
    /// <summary>Null when the timeline was not shared with this user (partners).</summary>
    public TimelineView? Timeline { get; private set; }
    /// <summary>Null when there is no plan, or the user's role does not see plans.</summary>
    public PlanView? Plan { get; private set; }
    public ZrmOverview? Zrm { get; private set; }
    public IReadOnlyList<Requests.OpenRequest> Requests { get; private set; } = [];
    public IReadOnlyList<Involvements.InvolvedParty> Involved { get; private set; } = [];
    public bool MayEdit => access.IsCareRole;
    public Domain.Access.FileAccessLevel Level { get; private set; }
    /// <summary>The "Veiligheid" marker: an open Meldcode track, shown to care workers who may open the file.</summary>
    public bool Safety { get; private set; }
    /// <summary>Who may read the household's Meldcode tracks (coordinator, aandachtsfunctionaris, team lead, break-the-glass).</summary>
    public bool MayReadMeldcode { get; private set; }
    /// <summary>Work in the file (plan, requests, address); not with emergency access.</summary>
    public bool MayChange => MayEdit && Domain.Access.FileAccessRules.Allows(Level, Domain.Access.FileWork.Change);
    /// <summary>What only the holding team does: coordinator, members, spends.</summary>
    public bool MayHold => MayEdit && Domain.Access.FileAccessRules.Allows(Level, Domain.Access.FileWork.Hold);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // One audit entry for the whole page, naming the sensitive parts it shows (plan and ZRM scores) for care roles.
        if (await queries.GetAsync(id, ct, access.IsCareRole ? "dossieroverzicht met plan en ZRM" : null) is not { } h) return NotFound();
        Household = h;
        Level = await access.DecideAsync(id, ct);
        if ((await access.VisiblePartsAsync(id, ct)).Contains(Access.FileAccessService.Parts.Timeline))
            Timeline = new TimelineView(id, await timeline.ForHouseholdAsync(id, null, ct));
        if (access.IsCareRole)
        {
            Plan = await plans.CurrentAsync(id, ct, audited: false);
            Zrm = await zrm.OverviewAsync(id, ct, audited: false);
            Requests = await requests.ForHouseholdAsync(id, ct);
            Involved = await involvements.ForHouseholdAsync(id, ct);
            Safety = await meldcode.IsMarkedAsync(id, ct);
            MayReadMeldcode = await meldcodeAccess.MayReadAsync(id, ct);
        }
        return Page();
    }
}
