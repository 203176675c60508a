using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Network;

/// <summary>Adds someone to the network, or changes or ends one member: one form per use case, the same handlers as the API.</summary>
public sealed class MemberModel(NetworkQueries queries, AddNetworkMemberHandler add, ChangeNetworkMemberHandler change, EndNetworkMemberHandler end) : PageModel
{
    [BindProperty] public NetworkMemberInput Input { get; set; } = new();
    [BindProperty] public EndNetworkMemberInput Einde { get; set; } = new();
    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public NetworkMemberView? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> Relations { get; } =
        NetworkRelations.All.Select(r => new SelectListItem(NetworkRelations.Label(r), r.ToString())).Prepend(new SelectListItem("Kies de relatie", "")).ToList();
    public IReadOnlyList<SelectListItem> ConsentGivers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? memberId, CancellationToken ct)
    {
        if (!await LoadAsync(id, memberId, ct)) return NotFound();
        if (Existing is { } m)
        {
            Input = new NetworkMemberInput
            {
                Naam = m.Naam, Relatie = m.Relatie.ToString(), Telefoon = m.Telefoon, Email = m.Email, RolInPlan = m.RolInPlan,
                ToestemmingOp = DutchDate.Format(m.ToestemmingOp), ToestemmingDoor = m.ToestemmingDoor, Versie = m.Versie,
            };
            Einde.Versie = m.Versie;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? memberId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = memberId is { } mid
            ? (await change.HandleAsync(id, mid, Input, ct)).Select(_ => mid)
            : (await add.HandleAsync(id, Input, ct)).Select(added => added.Id);
        if (this.Finish(result, $"/huishoudens/{id}/netwerk", memberId is null ? "De persoon is toegevoegd aan het netwerk." : "Het netwerklid is opgeslagen.") is { } done)
            return done;
        return await AgainAsync(id, memberId, result.Status, ct);
    }

    public async Task<IActionResult> OnPostBeeindigenAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await end.HandleAsync(id, memberId, Einde, ct);
        if (result.Status == CommandStatus.Ok)
        {
            TempData["Melding"] = "Het netwerklid doet niet meer mee; het blijft in de geschiedenis van het dossier.";
            return Redirect($"/huishoudens/{id}/netwerk");
        }
        if (result.Status is CommandStatus.NotFound) return NotFound();
        if (result.Status is CommandStatus.Forbidden && result.Errors is [{ Code: ErrorCodes.Forbidden }, ..]) return Forbid();
        result.Errors.AddTo(ModelState, "Einde");
        return await AgainAsync(id, memberId, result.Status, ct, keepInput: false);
    }

    /// <summary>The form again with the errors; after a conflict with the newest version, the user's input kept.</summary>
    private async Task<IActionResult> AgainAsync(Guid id, Guid? memberId, CommandStatus status, CancellationToken ct, bool keepInput = true)
    {
        if (!await LoadAsync(id, memberId, ct)) return NotFound();
        if (Existing is { } m && (status == CommandStatus.Conflict || !keepInput))
        {
            Input.Versie = m.Versie;
            Einde.Versie = m.Versie;
        }
        if (!keepInput && Existing is { } e)
            Input = new NetworkMemberInput
            {
                Naam = e.Naam, Relatie = e.Relatie.ToString(), Telefoon = e.Telefoon, Email = e.Email, RolInPlan = e.RolInPlan,
                ToestemmingOp = DutchDate.Format(e.ToestemmingOp), ToestemmingDoor = e.ToestemmingDoor, Versie = e.Versie,
            };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid? memberId, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } network) return false;
        HouseholdId = id;
        HouseholdNaam = network.HouseholdNaam;
        Existing = memberId is { } mid ? network.Huidig.FirstOrDefault(m => m.Id == mid) : null;
        if (memberId is not null && Existing is null) return false;
        var givers = (await queries.ConsentGiversAsync(id, ct)).ToDictionary();
        // The one who consented may have left the household since; their consent stays as it was.
        if (Existing is { } m) givers.TryAdd(m.ToestemmingDoor, m.ToestemmingDoorNaam);
        ConsentGivers = givers.Select(g => new SelectListItem(g.Value, g.Key.ToString())).Prepend(new SelectListItem("Kies wie toestemming gaf", "")).ToList();
        return true;
    }
}
