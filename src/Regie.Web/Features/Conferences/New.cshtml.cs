using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Web.Features.Households;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Conferences;

/// <summary>Someone named by the coordinator (not a member, involvement or referral): a row of the form.</summary>
public sealed class OtherInvitee
{
    public string? Naam { get; set; }
    public string? Email { get; set; }
}

/// <summary>
/// Planning a conference without JavaScript: a checkbox per member, network member, involved professional and open referral, and a few rows
/// for others with an e-mail address. The page turns that into the same input the API sends.
/// </summary>
public sealed class NewModel(HouseholdQueries households, ConferenceQueries conferences, PlanConferenceHandler handler) : PageModel
{
    public const int OtherRows = 3;

    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public IReadOnlyList<InviteeOption> Options { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Kinds { get; } = Enum.GetValues<ConferenceKind>()
        .Select(k => new SelectListItem(ConferenceRules.Label(k), k.ToString())).Prepend(new SelectListItem("Kies het soort overleg", "")).ToList();

    [BindProperty] public ScheduleInput Input { get; set; } = new();
    /// <summary>The chosen options, as "Soort:id".</summary>
    [BindProperty] public List<string> Gekozen { get; set; } = [];
    [BindProperty] public List<OtherInvitee> Anderen { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Soort = nameof(ConferenceKind.Rondetafel);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var input = new ConferenceInput
        {
            Soort = Input.Soort, Datum = Input.Datum, Begintijd = Input.Begintijd, Eindtijd = Input.Eindtijd, Plaats = Input.Plaats, Link = Input.Link,
        };
        input.Genodigden.AddRange(Invitees(Gekozen, Anderen));
        var result = await handler.HandleAsync(id, input, ct);
        if (this.Finish(result, $"/huishoudens/{id}/overleggen/{result.Value?.Id}",
                $"Het overleg is gepland; {result.Value?.Uitnodigingen} uitnodigingen worden verstuurd.") is { } done) return done;
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    /// <summary>The form's choices ("Soort:id") and filled rows of others as the input the API sends.</summary>
    internal static List<InviteeInput> Invitees(IEnumerable<string> chosen, IEnumerable<OtherInvitee> others)
    {
        var list = new List<InviteeInput>();
        foreach (var choice in chosen)
            if (choice.Split(':') is [var kind, var ref0] && Guid.TryParse(ref0, out var reference))
                list.Add(new InviteeInput { Soort = kind, ReferentieId = reference });
        foreach (var other in others.Where(a => !string.IsNullOrWhiteSpace(a.Naam) || !string.IsNullOrWhiteSpace(a.Email)))
            list.Add(new InviteeInput { Soort = nameof(InviteeKind.Anders), Naam = other.Naam, Email = other.Email });
        return list;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        (HouseholdId, HouseholdNaam) = (id, h.Naam);
        Options = await conferences.OptionsAsync(id, ct);
        while (Anderen.Count < OtherRows) Anderen.Add(new OtherInvitee());
        return true;
    }
}
