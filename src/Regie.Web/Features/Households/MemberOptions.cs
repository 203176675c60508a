using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Registry;

namespace Regie.Web.Features.Households;

public static class MemberOptions
{
    public static readonly IReadOnlyList<SelectListItem> Roles =
        Enum.GetValues<HouseholdRole>().Select(r => new SelectListItem(HouseholdRoles.Label(r), r.ToString())).ToList();

    public static readonly IReadOnlyList<SelectListItem> LeaveReasonOptions =
        LeaveReasons.Labels.Select(kv => new SelectListItem(kv.Value, kv.Key)).Prepend(new SelectListItem("Kies een reden", "")).ToList();
}
