using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Infrastructure;
using System.Text.Json;

namespace Regie.Web.Features.Timeline;

/// <summary>
/// Adds events to the same unit of work as the change they describe, so a change and its
/// timeline entry are saved together or not at all.
/// </summary>
public sealed class TimelineWriter(RegieDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public HouseholdEvent Record(Household household, string type, string summary, DateOnly? effectiveDate = null,
        Guid? personId = null, object? data = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var e = new HouseholdEvent
        {
            Gemeentecode = household.Gemeentecode,
            HouseholdId = household.Id,
            PersonId = personId,
            Type = type,
            OccurredAt = now,
            EffectiveDate = effectiveDate ?? DateOnly.FromDateTime(now),
            // An id is cut, never ended in "…": that would make it another id.
            ActorId = Text.Fit(actor.ActorId, HouseholdEvent.ActorIdMaxLength),
            ActorName = Text.Truncate(actor.ActorName, HouseholdEvent.ActorNameMaxLength),
            Summary = Text.Truncate(summary, HouseholdEvent.SummaryMaxLength),
            Data = data is null ? null : JsonSerializer.Serialize(data),
        };
        db.HouseholdEvents.Add(e);
        return e;
    }

}
