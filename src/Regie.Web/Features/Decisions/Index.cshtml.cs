using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Domain.Care;
using Regie.Domain.Decisions;

namespace Regie.Web.Features.Decisions;

public sealed class IndexModel(DecisionQueries queries) : PageModel
{
    public IReadOnlyList<ApplicationRow> Open { get; private set; } = [];
    public IReadOnlyList<ApplicationRow> Decided { get; private set; } = [];
    public DecisionTerms Terms { get; private set; } = DecisionTerms.Default;
    public LegalFramework? Kader { get; private set; }
    public bool Mijn { get; private set; }

    public async Task OnGetAsync(string? kader, bool? mijn, CancellationToken ct)
    {
        Kader = LegalFrameworks.Parse(kader);
        Mijn = mijn == true;
        Terms = await queries.TermsAsync(ct);
        (Open, Decided) = await queries.WorklistAsync(Mijn, Kader, ct);
    }
}
