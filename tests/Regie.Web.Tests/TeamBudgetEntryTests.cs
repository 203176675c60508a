using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>The entries a team's budget books for the municipality, without a database.</summary>
public sealed class TeamBudgetEntryTests
{
    private static readonly DateTime At = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
    private static readonly BudgetActor Municipality = new("beleid", "Thomas Bos");

    private static TeamBudget Budget() => new() { Id = Guid.NewGuid(), Gemeentecode = "0000", TeamId = Guid.NewGuid(), Year = 2026, Version = 1 };

    [Fact]
    public void An_allocation_is_booked_on_the_budgets_year_with_its_earmark_and_a_reason_that_fits_its_column()
    {
        var budget = Budget();
        var entry = budget.Allocate(-1000m, LegalFramework.Jeugdwet, new string('r', BudgetEntry.ReasonMaxLength + 5), Municipality, At);
        Assert.Equal((EntryKind.Toekenning, -1000m, LegalFramework.Jeugdwet, budget.Id, budget.TeamId, 2026), (entry.Kind, entry.Amount, entry.Framework, entry.BudgetId, entry.TeamId, entry.Year));
        Assert.Equal(BudgetEntry.ReasonMaxLength, entry.Reason.Length);
        Assert.Equal((new DateOnly(2026, 3, 2), "beleid", "Thomas Bos"), (entry.BookedOn, entry.ActorId, entry.ActorName));
    }

    [Fact]
    public void A_transfer_takes_the_amount_off_one_budget_and_puts_it_on_the_other_each_naming_the_other_team()
    {
        var (from, to) = (Budget(), Budget());
        var (outgoing, incoming) = TeamBudget.Transfer(from, "Wijkteam Oost", to, "Wijkteam Noord", 2000m, "Meer aanmeldingen", Municipality, At);
        Assert.Equal((from.Id, -2000m, to.TeamId, "Naar Wijkteam Noord: Meer aanmeldingen"), (outgoing.BudgetId, outgoing.Amount, outgoing.CounterpartTeamId!.Value, outgoing.Reason));
        Assert.Equal((to.Id, 2000m, from.TeamId, "Van Wijkteam Oost: Meer aanmeldingen"), (incoming.BudgetId, incoming.Amount, incoming.CounterpartTeamId!.Value, incoming.Reason));
        Assert.All(new[] { outgoing, incoming }, e => Assert.Equal((EntryKind.Overboeking, (LegalFramework?)null), (e.Kind, e.Framework)));
    }
}
