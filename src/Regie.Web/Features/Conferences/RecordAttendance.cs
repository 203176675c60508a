using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Conferences;

/// <summary>Records who came (aanwezig, afwezig, afgemeld); the first record marks the conference held on the timeline.</summary>
public sealed class RecordAttendanceHandler(ConferenceChanges changes, TimelineWriter timeline)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid conferenceId, AttendanceInput input, CancellationToken ct)
    {
        var (c, failure) = await changes.LoadAsync<int>(householdId, conferenceId, ct);
        if (c is null) return failure!;
        var attendance = new Dictionary<Guid, Attendance>();
        var errors = new ErrorList();
        var lines = input.Aanwezigheid ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            if (c.Invitees.All(x => x.Id != lines[i].GenodigdeId))
                errors.Add(new DomainError(ConferenceRules.InviteeUnknownCode, $"Aanwezigheid[{i}]", "Deze persoon is niet voor dit overleg uitgenodigd."));
            else if (Enums.ParseDefined<Attendance>(lines[i].Aanwezigheid) is { } a) attendance[lines[i].GenodigdeId] = a;
            else errors.Add(new DomainError(ConferenceRules.AttendanceInvalidCode, $"Aanwezigheid[{i}]", "Kies aanwezig, afwezig of afgemeld."));
        }
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        var wasHeld = c.Status == ConferenceStatus.Gehouden;
        if (c.RecordAttendance(attendance, changes.Now) is { } refused) return CommandResult<int>.Invalid(refused);
        if (!wasHeld) await HeldAsync(changes, timeline, c, ct);
        return await changes.SaveAsync(c, input.Versie, "aanwezigheid vastgelegd", ct);
    }

    /// <summary>The timeline event of a conference that took place (written once, by whichever record comes first).</summary>
    internal static async Task HeldAsync(ConferenceChanges changes, TimelineWriter timeline, Conference c, CancellationToken ct) =>
        timeline.Record(await changes.HouseholdAsync(c.HouseholdId, ct), EventTypes.ConferenceHeld,
            $"{ConferenceRules.Label(c.Kind)} gehouden op {Format.DateTime(c.StartsAt)}", DateOnly.FromDateTime(ConferenceRules.ToLocal(c.StartsAt)),
            data: new { overleg = c.Id, soort = c.Kind.ToString() });
}
