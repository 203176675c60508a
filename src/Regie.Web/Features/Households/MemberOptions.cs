using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Registry;

namespace Regie.Web.Features.Households;

public static class MemberOptions
{
    /// <summary>No role is preselected: a forgotten role must be an error, not a child saved as parent.</summary>
    public static readonly IReadOnlyList<SelectListItem> Roles =
        Enum.GetValues<HouseholdRole>().Select(r => new SelectListItem(HouseholdRoles.Label(r), r.ToString()))
            .Prepend(new SelectListItem("Kies een rol", "")).ToList();

    public static readonly IReadOnlyList<SelectListItem> LeaveReasonOptions =
        LeaveReasons.Labels.Select(kv => new SelectListItem(kv.Value, kv.Key)).Prepend(new SelectListItem("Kies een reden", "")).ToList();
}
