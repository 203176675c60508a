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
            ActorId = Text.Truncate(actor.ActorId, 64),
            ActorName = Text.Truncate(actor.ActorName, 200),
            Summary = Text.Truncate(summary, 1000),
            Data = data is null ? null : JsonSerializer.Serialize(data),
        };
        db.HouseholdEvents.Add(e);
        return e;
    }

}
