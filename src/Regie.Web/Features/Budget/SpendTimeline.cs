using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Budget;

/// <summary>The household's timeline entries of a spend, with the data the monitor reads.</summary>
internal static class SpendTimeline
{
    public static void Committed(this TimelineWriter timeline, Household household, Spend spend) =>
        timeline.Record(household, EventTypes.SpendCommitted, $"Uitgave vastgelegd: {spend.Description} ({new Money(spend.Amount)})", data: Data(spend, spend.Amount));

    public static void Approved(this TimelineWriter timeline, Household household, Spend spend) =>
        timeline.Record(household, EventTypes.SpendApproved, $"Uitgave goedgekeurd ({SpendStatuses.Label(spend.Level)}): {spend.Description} ({new Money(spend.Amount)})",
            data: Data(spend, spend.Amount));

    public static void Refused(this TimelineWriter timeline, Household household, Spend spend) =>
        timeline.Record(household, EventTypes.SpendRefused, $"Uitgave afgewezen: {spend.Description} ({new Money(spend.Amount)})", data: Data(spend, spend.Amount));

    public static void Paid(this TimelineWriter timeline, Household household, Spend spend) =>
        timeline.Record(household, EventTypes.SpendPaid, $"Uitgave betaald aan {spend.Payee}: {spend.Description} ({new Money(spend.PaidAmount!.Value)})", spend.PaidOn,
            data: Data(spend, spend.PaidAmount.Value));

    public static void Cancelled(this TimelineWriter timeline, Household household, Spend spend) =>
        timeline.Record(household, EventTypes.SpendCancelled, $"Uitgave geannuleerd: {spend.Description} ({new Money(spend.Amount)})", data: Data(spend, spend.Amount));

    private static object Data(Spend spend, decimal amount) => new
    {
        uitgave = spend.Id, bedrag = amount, team = spend.TeamId, kaders = LegalFrameworks.ParseList(spend.Frameworks).Select(f => f.ToString()).ToArray(),
    };
}
