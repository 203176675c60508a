namespace Regie.Web.Features.Timeline;

public sealed record TimelineView(Guid HouseholdId, TimelinePage Page);
