using Regie.Domain.Common;
using Regie.Domain.Safety;
using System.Text.Json;

namespace Regie.Web.Data;

/// <summary>What one entry of a Meldcode track says, checked by the use case before the track takes it.</summary>
/// <param name="OccurredOn">When it happened (seen, consulted, spoken, weighed, decided): not in the future.</param>
/// <param name="Text">Step 1 what was seen or heard; 2 what was advised; 3 the conversation, or why it did not take place; 4 a summary; 5 what was decided (for a report: what was reported).</param>
/// <param name="Who">Step 1 by whom seen or heard; 2 the name of the one consulted; 3 with whom was spoken; 5 (report) who informs the family.</param>
/// <param name="CorrectsEntryId">An earlier entry of the same step that this one corrects; the earlier one stays.</param>
public sealed record MeldcodeEntryFields(
    MeldcodeStep Step,
    DateOnly OccurredOn,
    string Text,
    string? Who = null,
    ConsultationPartner? ConsultedWith = null,
    bool? ConversationHeld = null,
    IReadOnlyList<WeighingAnswer>? Weighing = null,
    MeldcodeDecision? Decision = null,
    ReportChannel? ReportChannel = null,
    string? ReportReference = null,
    IReadOnlyList<Guid>? LinkedGoals = null,
    Guid? CorrectsEntryId = null);

/// <summary>
/// A Meldcode track (huiselijk geweld en kindermishandeling) of one household and the persons it concerns: dated entries
/// through the five steps, never changed (a correction is a new entry), closed by the decision of step 5.
/// Readable only as <see cref="MeldcodeAccess"/> says.
/// </summary>
public sealed class MeldcodeTrack : IMunicipalityOwned
{
    private readonly List<MeldcodeTrackPerson> _persons = [];
    private readonly List<MeldcodeEntry> _entries = [];

    private MeldcodeTrack() { }

    public Guid Id { get; private init; }
    public string Gemeentecode { get; private init; } = "";
    public Guid HouseholdId { get; private init; }
    /// <summary>The team that held the file (or did the intake) when the track opened; readers follow the team holding the file now.</summary>
    public Guid? TeamId { get; private init; }
    /// <summary>The request whose intake safety check opened the track, if it was opened there.</summary>
    public Guid? RequestId { get; private init; }
    public DateOnly OpenedOn { get; private init; }
    public DateTime OpenedAt { get; private init; }
    public string OpenedBy { get; private init; } = "";
    public MeldcodeTrackStatus Status { get; private set; }
    public MeldcodeDecision? Decision { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<MeldcodeTrackPerson> Persons => _persons;
    public IReadOnlyList<MeldcodeEntry> Entries => _entries;

    /// <summary>Opens a track about members of the household; its first entry (the signals) follows through <see cref="Record"/>.</summary>
    public static MeldcodeTrack Open(string gemeentecode, Guid householdId, Guid? teamId, Guid? requestId, IReadOnlyCollection<Guid> persons,
        DateOnly on, DateTime at, string by)
    {
        var track = new MeldcodeTrack
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, TeamId = teamId, RequestId = requestId,
            OpenedOn = on, OpenedAt = at, OpenedBy = by, Status = MeldcodeTrackStatus.Open, Version = 1,
        };
        track._persons.AddRange(persons.Distinct().Select(p => new MeldcodeTrackPerson { TrackId = track.Id, PersonId = p }));
        return track;
    }

    public IReadOnlyList<StepReached> Reached() => MeldcodeRules.Reached(_entries.Select(e => (e.Step, e.OccurredOn)));

    /// <summary>The latest weighing: a new weighing (or a correction of one) replaces what the earlier said.</summary>
    public MeldcodeEntry? LatestWeighing()
    {
        // The newest weighing as recorded, as its latest correction says it: correcting an older weighing does not make it the latest.
        var latest = _entries.Where(e => e.Step == MeldcodeStep.Weging && e.CorrectsEntryId is null).MaxBy(e => e.RecordedAt);
        while (latest is not null && _entries.Where(e => e.CorrectsEntryId == latest.Id).MaxBy(e => e.RecordedAt) is { } correction) latest = correction;
        return latest;
    }

    /// <summary>New signals about members the track did not concern yet add them: their export and retention follow the track.</summary>
    public void Concern(IEnumerable<Guid> persons)
    {
        foreach (var p in persons.Distinct().Where(p => _persons.All(x => x.PersonId != p)))
            _persons.Add(new MeldcodeTrackPerson { TrackId = Id, PersonId = p });
    }

    /// <summary>
    /// Adds an entry after the rules of <see cref="MeldcodeRules"/>: the step order, the meldnorm for the decision, and a
    /// correction only of an entry of this track and the same step (a decision's correction cannot change the decision).
    /// A decision closes the track. Returns null with the errors when refused.
    /// </summary>
    public MeldcodeEntry? Record(MeldcodeEntryFields fields, string by, string byName, DateTime at, ErrorList errors)
    {
        if (fields.CorrectsEntryId is { } corrected)
        {
            var original = _entries.FirstOrDefault(e => e.Id == corrected);
            if (original is null || original.Step != fields.Step || (fields.Step == MeldcodeStep.Besluit && fields.Decision != Decision))
            {
                errors.Add(new DomainError(MeldcodeRules.CorrectionInvalidCode, "Corrigeert",
                    "Een correctie hoort bij een eerdere vastlegging van dezelfde stap in dit traject; een besluit corrigeren verandert het besluit niet."));
                return null;
            }
            if (fields.Step == MeldcodeStep.Weging && Status == MeldcodeTrackStatus.Besloten)
            {
                errors.Add(new DomainError(MeldcodeRules.TrackClosedCode, "", "Na het besluit verandert een nieuwe weging het besluit niet meer; leg een nieuw traject vast."));
                return null;
            }
        }
        else
        {
            errors.Add(MeldcodeRules.CheckStep(Status, fields.Step, Reached().Select(r => r.Step).ToList()));
            if (errors.HasErrors) return null;
            if (fields.Step == MeldcodeStep.Besluit)
            {
                if (fields.Decision is not { } decision) throw new InvalidOperationException("A decision entry names the decision.");
                var outcome = LatestWeighing()!.Outcome!.Value;
                errors.Add(MeldcodeRules.CheckDecision(decision, outcome, fields.LinkedGoals?.Count ?? 0));
                if (errors.HasErrors) return null;
            }
        }
        var entry = MeldcodeEntry.From(this, fields, by, byName, at);
        _entries.Add(entry);
        if (fields.Step == MeldcodeStep.Besluit && fields.CorrectsEntryId is null)
        {
            Status = MeldcodeTrackStatus.Besloten;
            Decision = fields.Decision;
            DecidedOn = fields.OccurredOn;
        }
        return entry;
    }
}

public sealed class MeldcodeTrackPerson
{
    public Guid TrackId { get; set; }
    public Guid PersonId { get; set; }
}

/// <summary>One dated entry of a track. No setters: the database refuses updates too.</summary>
public sealed class MeldcodeEntry : IMunicipalityOwned
{
    private MeldcodeEntry() { }

    public Guid Id { get; private init; }
    public string Gemeentecode { get; private init; } = "";
    public Guid TrackId { get; private init; }
    public Guid HouseholdId { get; private init; }
    public MeldcodeStep Step { get; private init; }
    public DateOnly OccurredOn { get; private init; }
    public DateTime RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";
    public string RecordedByName { get; private init; } = "";
    public Guid? CorrectsEntryId { get; private init; }
    public string Text { get; private init; } = "";
    public string? Who { get; private init; }
    public ConsultationPartner? ConsultedWith { get; private init; }
    public bool? ConversationHeld { get; private init; }
    /// <summary>The afwegingskader's answers as JSON (<see cref="WeighingAnswers"/> reads them).</summary>
    public string? Weighing { get; private init; }
    public WeighingOutcome? Outcome { get; private init; }
    public MeldcodeDecision? Decision { get; private init; }
    public ReportChannel? ReportChannel { get; private init; }
    public string? ReportReference { get; private init; }
    /// <summary>Goal ids of the household plan, comma-separated.</summary>
    public string? LinkedGoals { get; private init; }

    public IReadOnlyList<WeighingAnswer> WeighingAnswers() =>
        Weighing is null ? [] : JsonSerializer.Deserialize<List<WeighingAnswer>>(Weighing) ?? [];

    public IReadOnlyList<Guid> LinkedGoalIds() =>
        LinkedGoals is null ? [] : LinkedGoals.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    internal static MeldcodeEntry From(MeldcodeTrack track, MeldcodeEntryFields f, string by, string byName, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = track.Gemeentecode, TrackId = track.Id, HouseholdId = track.HouseholdId,
        Step = f.Step, OccurredOn = f.OccurredOn, RecordedAt = at, RecordedBy = by, RecordedByName = byName, CorrectsEntryId = f.CorrectsEntryId,
        Text = f.Text, Who = f.Who, ConsultedWith = f.ConsultedWith, ConversationHeld = f.ConversationHeld,
        Weighing = f.Weighing is null ? null : JsonSerializer.Serialize(f.Weighing),
        Outcome = f.Weighing is null ? null : Afwegingskader.Outcome(f.Weighing),
        Decision = f.Decision, ReportChannel = f.ReportChannel, ReportReference = f.ReportReference,
        LinkedGoals = f.LinkedGoals is { Count: > 0 } goals ? string.Join(',', goals) : null,
    };
}

/// <summary>
/// A part of a Meldcode track withheld from the resident's inzage export (UAVG art. 41, e.g. the safety of a child): the
/// whole track or one entry, with the coordinator's reason, which the privacy officer sees. Lifting it keeps the row.
/// </summary>
public sealed class MeldcodeWithholding : IMunicipalityOwned
{
    public const int ReasonMaxLength = MeldcodeWithholdingRules.ReasonMaxLength;

    public Guid Id { get; private init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; private init; }
    public Guid TrackId { get; private init; }
    /// <summary>Null: the whole track.</summary>
    public Guid? EntryId { get; private init; }
    public required string Reason { get; init; }
    public required string WithheldBy { get; init; }
    public required string WithheldByName { get; init; }
    public DateTime WithheldAt { get; private init; }
    public DateTime? LiftedAt { get; private set; }
    public string? LiftedBy { get; private set; }

    public bool IsActive => LiftedAt is null;

    /// <summary>Withholds the whole track (<paramref name="entryId"/> null) or one of its entries, with the reason already checked.</summary>
    public static MeldcodeWithholding Of(MeldcodeTrack track, Guid? entryId, string reason, string by, string byName, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = track.Gemeentecode, HouseholdId = track.HouseholdId, TrackId = track.Id, EntryId = entryId,
        Reason = reason, WithheldBy = by, WithheldByName = byName, WithheldAt = at,
    };

    /// <summary>Lifts the withholding: the part goes into the next inzage export; the row stays with who lifted it when. Refused when lifted already.</summary>
    public DomainError? Lift(string by, DateTime at)
    {
        if (MeldcodeWithholdingRules.CheckLift(LiftedAt) is { } refused) return refused;
        LiftedAt = at;
        LiftedBy = by;
        return null;
    }
}
