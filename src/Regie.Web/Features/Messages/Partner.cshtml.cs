using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Messages;

/// <summary>A partner's threads: only those its organisation takes part in, about households it may still exchange messages about.</summary>
public sealed class PartnerModel(MessageQueries messages) : PageModel
{
    public IReadOnlyList<(Guid HouseholdId, ThreadItem Thread)> Threads { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Threads = await messages.PartnerThreadsAsync(ct);
}
