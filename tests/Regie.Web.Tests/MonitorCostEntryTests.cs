using Regie.Domain.Monitor;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>Issue 19: a cost entry is never edited; withdrawing it is the entry's own change, once.</summary>
public sealed class MonitorCostEntryTests
{
    [Fact]
    public void A_cost_entry_is_withdrawn_once_with_who_and_when()
    {
        var entry = new MonitorCostEntry
        {
            Id = Guid.CreateVersion7(), Gemeentecode = "0344", Kind = CostKind.Advies, Description = "Inhuur", Amount = 1000m,
            From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 6, 30), RecordedBy = "Thomas Bos", RecordedAt = new DateTime(2026, 1, 2, 9, 0, 0, DateTimeKind.Utc),
        };
        Assert.False(entry.IsWithdrawn);
        var at = new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc);
        entry.Withdraw("Thomas Bos", at);
        Assert.Equal((true, (DateTime?)at, "Thomas Bos"), (entry.IsWithdrawn, entry.WithdrawnAt, entry.WithdrawnBy));
        Assert.Throws<InvalidOperationException>(() => entry.Withdraw("Iemand anders", at.AddDays(1)));
        Assert.Equal(((DateTime?)at, "Thomas Bos"), (entry.WithdrawnAt, entry.WithdrawnBy));
    }
}
