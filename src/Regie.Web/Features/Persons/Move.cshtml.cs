using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Domain.Registry;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Persons;

public sealed class MoveModel(PersonQueries persons, HouseholdQueries households, MovePersonHandler handler) : PageModel
{
    [BindProperty] public MovePersonInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Postcode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Huisnummer { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Naar { get; set; }

    public PersonView Person { get; private set; } = default!;
    public IReadOnlyList<HouseholdQueries.HouseholdHit> Targets { get; private set; } = [];
    public string? SearchError { get; private set; }
    public bool Searched { get; private set; }
    /// <summary>A household the worker may not open lives at the address: said without its name, so nobody registers it twice.</summary>
    public bool OtherKnown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await persons.GetAsync(id, ct) is not { } p) return NotFound();
        Person = p;
        await LoadTargetsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await persons.GetAsync(id, ct) is not { } p) return NotFound();
        Person = p;
        ModelState.Clear();
        var result = await handler.HandleAsync(id, Input, ct);
        if (result.IsOk)
        {
            TempData["Melding"] = $"{p.Naam.FullName} is verhuisd naar dit huishouden.";
            return Redirect($"/huishoudens/{result.Value}");
        }
        result.Errors.AddTo(ModelState);
        Naar = Input.NaarHuishoudenId;
        await LoadTargetsAsync(ct);
        return Page();
    }

    private async Task LoadTargetsAsync(CancellationToken ct)
    {
        if (Naar is { } naar && await households.GetAsync(naar, ct) is { } h)
        {
            Targets = [new HouseholdQueries.HouseholdHit(h.Id, h.Naam, $"{h.Adres.Line1}, {h.Adres.Line2}", h.Leden.Count)];
            Input.NaarHuishoudenId = h.Id;
            return;
        }
        if (string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(Huisnummer)) return;
        Searched = true;
        var pc = Domain.Registry.Postcode.Parse(Postcode, nameof(Postcode));
        var nr = Address.ParseHuisnummer(Huisnummer);
        if (!pc.IsValid) ModelState.AddModelError(nameof(Postcode), pc.Error!.Message);
        if (!nr.IsValid) ModelState.AddModelError(nameof(Huisnummer), nr.Error!.Message);
        if (!pc.IsValid || !nr.IsValid) return;
        var found = await households.AtAddressAsync(pc.Value.Value, nr.Value, ct);
        if (!found.IsOk) return;
        Targets = found.Value!.Huishoudens.Where(t => t.Id != Person.Huidig?.HouseholdId).ToList();
        OtherKnown = found.Value.AnderHuishoudenBekend;
    }
}
