using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Search;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Households;

public sealed class AddMemberModel(HouseholdQueries queries, AddMemberHandler handler, PersonSearch search, TimeProvider clock) : PageModel
{
    [BindProperty] public AddMemberInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Zoek { get; set; }
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<PersonHit>? Hits { get; private set; }
    public string? SearchError { get; private set; }
    public bool ShowDuplicateConfirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!string.IsNullOrWhiteSpace(Zoek))
        {
            var request = PersonSearch.Parse(Zoek, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (request.IsValid) Hits = (await search.SearchAsync(request.Value, ct)).Hits;
            else SearchError = request.Error!.Message;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        return await Finish(id, await handler.HandleAsync(id, Input, ct));
    }

    public async Task<IActionResult> OnPostBestaandAsync(Guid id, Guid personId, string? rol, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var input = new AddMemberInput { Lid = new MemberInput { PersonId = personId, Rol = rol } };
        return await Finish(id, await handler.HandleAsync(id, input, ct));
    }

    private Task<IActionResult> Finish(Guid id, CommandResult<Guid> result)
    {
        if (result.IsOk)
        {
            TempData["Melding"] = "Het lid is toegevoegd.";
            return Task.FromResult<IActionResult>(Redirect($"/huishoudens/{id}"));
        }
        result.Errors.AddTo(ModelState);
        ShowDuplicateConfirmation = result.Errors.Any(e => e.Code == ErrorCodes.PossibleDuplicate);
        return Task.FromResult<IActionResult>(Page());
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var h = await queries.GetAsync(id, ct);
        if (h is null) return false;
        HouseholdId = id;
        HouseholdNaam = h.Naam;
        return true;
    }
}
