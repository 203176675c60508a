using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Meldcode;

/// <summary>
/// Step 5: the decision, which closes the track: help organised (linked to goals of the household's active plan), a report
/// to Veilig Thuis (date, how, reference, what, who informs the family), or closing with a reason. The meldnorm refuses a
/// decision against a weighing that says "melden".
/// </summary>
public sealed class RecordMeldcodeDecisionHandler(RegieDbContext db, MeldcodeChanges changes)
{

    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid trackId, MeldcodeDecisionInput input, CancellationToken ct)
    {
        var (track, failure) = await changes.LoadAsync(householdId, trackId, ct);
        if (track is null) return failure!;
        var errors = new ErrorList();
        var fields = Fields(input, changes.Today, await ActiveGoalsAsync(db, householdId, ct), errors);
        return await changes.AppendAsync(track, fields, input.Versie, $"besluit {input.Besluit}", errors, ct);
    }

    /// <summary>The goals of the household's active plan: the only goals a decision may link.</summary>
    public static async Task<IReadOnlySet<Guid>> ActiveGoalsAsync(RegieDbContext db, Guid householdId, CancellationToken ct) =>
        (await db.PlanGoals.AsNoTracking()
            .Where(g => g.HouseholdId == householdId && db.Plans.Where(Plan.Active).Any(p => p.Id == g.PlanId && p.HouseholdId == householdId))
            .Select(g => g.Id).ToListAsync(ct)).ToHashSet();

    public static MeldcodeEntryFields? Fields(MeldcodeDecisionInput input, DateOnly today, IReadOnlySet<Guid> activeGoals, ErrorList errors, Guid? corrects = null)
    {
        var decision = MeldcodeInputRules.Choice<MeldcodeDecision>(input.Besluit, "Besluit", "Kies het besluit: hulp georganiseerd, gemeld bij Veilig Thuis of afgesloten.", errors);
        var text = MeldcodeInputRules.Text(input.Toelichting, "Toelichting", decision switch
        {
            MeldcodeDecision.GemeldBijVeiligThuis => "wat is gemeld",
            MeldcodeDecision.Afgesloten => "de reden van afsluiten",
            _ => "welke hulp is georganiseerd",
        }, errors);
        var on = MeldcodeInputRules.Date(input.Datum, today, errors);
        var goals = decision == MeldcodeDecision.HulpGeorganiseerd ? (input.Doelen ?? []).Distinct().ToList() : [];
        if (goals.Any(g => !activeGoals.Contains(g))) errors.Add(MeldcodeInputRules.GoalsInvalid());
        ReportChannel? channel = null;
        string? reference = null, informs = null;
        if (decision == MeldcodeDecision.GemeldBijVeiligThuis)
        {
            channel = MeldcodeInputRules.Choice<ReportChannel>(input.Kanaal, "Kanaal", "Kies hoe is gemeld: telefonisch, digitaal of schriftelijk.", errors);
            reference = MeldcodeInputRules.OptionalText(input.Referentie, "Referentie", "het kenmerk", errors);
            informs = MeldcodeInputRules.InformsFamily(input.InformeertGezin, errors);
        }
        return errors.HasErrors ? null : new MeldcodeEntryFields(MeldcodeStep.Besluit, on!.Value, text!, informs, Decision: decision, ReportChannel: channel,
            ReportReference: reference, LinkedGoals: goals, CorrectsEntryId: corrects);
    }
}
