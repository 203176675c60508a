using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Features.Households;
using Regie.Web.Features.Plans;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Conferences;

/// <summary>
/// One conference and everything recorded about it, each part its own small form (works without JavaScript): move or cancel
/// while planned; attendance, minutes and decisions once started; the plan version agreed once held.
/// </summary>
public sealed class DetailsModel(HouseholdQueries households, ConferenceQueries conferences, PlanQueries plans,
    RescheduleConferenceHandler reschedule, CancelConferenceHandler cancel, RecordAttendanceHandler attendance,
    RecordMinutesHandler minutes, AgreePlanVersionHandler agree, AddInviteesHandler addInvitees, WithdrawInviteeHandler withdraw, TimeProvider clock) : PageModel
{
    public const int EmptyDecisionRows = 3;

    public Guid HouseholdId { get; private set; }
    public string HouseholdNaam { get; private set; } = "";
    public ConferenceView Conference { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> PlanVersions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AttendanceOptions { get; } =
        Enum.GetValues<Attendance>().Select(a => new SelectListItem(ConferenceRules.Label(a), a.ToString())).ToList();
    public IReadOnlyList<SelectListItem> Kinds { get; } = Enum.GetValues<ConferenceKind>().Select(k => new SelectListItem(ConferenceRules.Label(k), k.ToString())).ToList();
    public bool HasStarted { get; private set; }
    /// <summary>The household has an active plan: a decision can be taken into it as a goal or an action.</summary>
    public bool HasActivePlan { get; private set; }
    /// <summary>Who may still be invited: the options not invited yet.</summary>
    public IReadOnlyList<InviteeOption> MoreOptions { get; private set; } = [];
    /// <summary>The options chosen in the form to invite more people, as "Soort:id".</summary>
    [BindProperty] public List<string> Gekozen { get; set; } = [];
    [BindProperty] public List<OtherInvitee> Anderen { get; set; } = [];

    [BindProperty] public int Versie { get; set; }
    [BindProperty] public RescheduleInput Verplaatsen { get; set; } = new();
    [BindProperty] public CancelInput Annuleren { get; set; } = new();
    [BindProperty] public List<AttendanceLine> Aanwezigheid { get; set; } = [];
    [BindProperty] public MinutesInput Verslag { get; set; } = new();
    [BindProperty] public int? Planversie { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid conferenceId, CancellationToken ct)
    {
        if (!await LoadAsync(id, conferenceId, ct)) return NotFound();
        Fill();
        return Page();
    }

    public Task<IActionResult> OnPostRescheduleAsync(Guid id, Guid conferenceId, CancellationToken ct)
    {
        Verplaatsen.Versie = Versie;
        return AnswerAsync(id, conferenceId, "Verplaatsen", () => reschedule.HandleAsync(id, conferenceId, Verplaatsen, ct),
            "Het overleg is verplaatst; de genodigden krijgen een bijgewerkte uitnodiging.", ct);
    }

    public Task<IActionResult> OnPostCancelAsync(Guid id, Guid conferenceId, CancellationToken ct)
    {
        Annuleren.Versie = Versie;
        return AnswerAsync(id, conferenceId, "Annuleren", () => cancel.HandleAsync(id, conferenceId, Annuleren, ct),
            "Het overleg is geannuleerd; de genodigden krijgen een annulering.", ct);
    }

    public Task<IActionResult> OnPostAddInviteesAsync(Guid id, Guid conferenceId, CancellationToken ct) =>
        AnswerAsync(id, conferenceId, "", async () =>
            {
                var added = await addInvitees.HandleAsync(id, conferenceId, new AddInviteesInput { Genodigden = NewModel.Invitees(Gekozen, Anderen), Versie = Versie }, ct);
                return added.Select(a => a.Versie);
            },
            "De genodigden zijn toegevoegd; wie een e-mailadres heeft krijgt een uitnodiging.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid conferenceId, Guid genodigde, CancellationToken ct) =>
        AnswerAsync(id, conferenceId, "", () => withdraw.HandleAsync(id, conferenceId, genodigde, new WithdrawInviteeInput { Versie = Versie }, ct),
            "De uitnodiging is ingetrokken; met een e-mailadres krijgt de genodigde een annulering.", ct);

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid conferenceId, CancellationToken ct) =>
        AnswerAsync(id, conferenceId, "", () => attendance.HandleAsync(id, conferenceId, new AttendanceInput { Aanwezigheid = Aanwezigheid, Versie = Versie }, ct),
            "De aanwezigheid is vastgelegd.", ct);

    public Task<IActionResult> OnPostMinutesAsync(Guid id, Guid conferenceId, CancellationToken ct)
    {
        Verslag.Versie = Versie;
        return AnswerAsync(id, conferenceId, "Verslag", () => minutes.HandleAsync(id, conferenceId, Verslag, ct), "Het verslag en de besluiten zijn vastgelegd.", ct);
    }

    public Task<IActionResult> OnPostPlanVersionAsync(Guid id, Guid conferenceId, CancellationToken ct) =>
        AnswerAsync(id, conferenceId, "", () => agree.HandleAsync(id, conferenceId, new PlanVersionInput { Planversie = Planversie, Versie = Versie }, ct),
            $"Planversie {Planversie} is gekoppeld aan dit overleg.", ct);

    private async Task<IActionResult> AnswerAsync(Guid id, Guid conferenceId, string prefix, Func<Task<CommandResult<int>>> command, string message, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await command();
        if (result.Status == CommandStatus.Invalid || result.Status == CommandStatus.Conflict || result.Status == CommandStatus.Forbidden && result.Errors is [{ Code: not ErrorCodes.Forbidden }, ..])
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Field.Length == 0 ? "" : prefix.Length == 0 ? e.Field : $"{prefix}.{e.Field}", e.Message);
            if (!await LoadAsync(id, conferenceId, ct)) return NotFound();
            return Page();
        }
        return this.Finish(result, $"/huishoudens/{id}/overleggen/{conferenceId}", message) ?? NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid conferenceId, CancellationToken ct)
    {
        if (await households.GetAsync(id, ct) is not { } h) return false;
        var c = await conferences.GetAsync(id, conferenceId, ct);
        if (!c.IsOk) return false;
        (HouseholdId, HouseholdNaam, Conference) = (id, h.Naam, c.Value!);
        Versie = Conference.Versie;
        HasStarted = Conference.Begin <= clock.GetUtcNow().UtcDateTime;
        if (Conference.Status == ConferenceStatus.Gepland)
            MoreOptions = (await conferences.OptionsAsync(id, ct))
                .Where(o => !Conference.Genodigden.Any(g => g.Soort == o.Soort && g.ReferentieId == o.Id)).ToList();
        var plan = await plans.CurrentAsync(id, ct, audited: false);
        HasActivePlan = plan is { IsActive: true };
        if (plan is not null)
            PlanVersions = (await plans.VersionsAsync(id, plan.Id, ct))
                .Select(v => new SelectListItem($"Versie {v.Nummer} ({Format.DateTime(v.Opgeslagen)}, {v.Wijziging})", v.Nummer.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
        return true;
    }

    private void Fill()
    {
        var c = Conference;
        var start = ConferenceRules.ToLocal(c.Begin);
        Verplaatsen = new RescheduleInput
        {
            Soort = c.Soort.ToString(), Datum = DutchDate.Format(DateOnly.FromDateTime(start)), Begintijd = start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Eindtijd = ConferenceRules.ToLocal(c.Eind).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Plaats = c.Plaats, Link = c.Link,
        };
        Aanwezigheid = c.Genodigden.Select(g => new AttendanceLine { GenodigdeId = g.Id, Aanwezigheid = g.Aanwezigheid.ToString() }).ToList();
        Verslag = new MinutesInput { Verslag = c.Verslag, Besluiten = [.. c.Besluiten.Select(b => b.Tekst)] };
        Planversie = c.Planversie;
    }
}
