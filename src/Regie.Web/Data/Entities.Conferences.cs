using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Web.Data;

/// <summary>
/// A case conference (casusoverleg) of one household: when and where, who is invited, who came, the minutes, the decisions and
/// the plan version agreed at it. Changed only through its methods; every change that invitees must hear of (planned, moved,
/// cancelled) raises <see cref="Sequence"/>, the iCalendar SEQUENCE of the invitations.
/// </summary>
public sealed class Conference : IMunicipalityOwned
{
    private readonly List<ConferenceInvitee> _invitees = [];
    private readonly List<ConferenceDecision> _decisions = [];

    private Conference() { }

    public Guid Id { get; private init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; private init; }
    public ConferenceKind Kind { get; private set; }
    public ConferenceStatus Status { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public string? Place { get; private set; }
    public string? Link { get; private set; }
    /// <summary>The coordinator who planned it: the invitations name them as organiser.</summary>
    public string OrganiserId { get; private init; } = "";
    public string OrganiserName { get; private init; } = "";
    public int Sequence { get; private set; }
    public string? Minutes { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>The plan and its version the conference agreed (<see cref="AgreePlanVersion"/>).</summary>
    public Guid? AgreedPlanId { get; private set; }
    public int? AgreedPlanVersion { get; private set; }
    public DateTime CreatedAt { get; private init; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Concurrency token, bumped by every save.</summary>
    public int Version { get; set; }

    public IReadOnlyList<ConferenceInvitee> Invitees => _invitees;
    public IReadOnlyList<ConferenceDecision> Decisions => _decisions;

    /// <summary>The iCalendar UID: the same in every invitation, update and cancellation of this conference.</summary>
    public string CalendarUid => $"{Id:N}@regie";

    public static Conference Plan(string gemeentecode, Guid householdId, ConferenceSchedule schedule, IReadOnlyList<InviteeContent> invitees,
        string organiserId, string organiserName, DateTime now)
    {
        var c = new Conference
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, HouseholdId = householdId, OrganiserId = organiserId,
            OrganiserName = Text.Truncate(organiserName, ConferenceRules.NameMaxLength), CreatedAt = now,
        };
        c.Apply(schedule, now);
        c.Status = ConferenceStatus.Gepland;
        c.Version = 1;
        foreach (var i in invitees) c._invitees.Add(ConferenceInvitee.For(c, i));
        return c;
    }

    /// <summary>Loads the rows that belong to this conference (the context tracks them separately).</summary>
    public void Load(IEnumerable<ConferenceInvitee> invitees, IEnumerable<ConferenceDecision> decisions)
    {
        _invitees.Clear();
        _invitees.AddRange(invitees.Where(i => i.ConferenceId == Id).OrderBy(i => i.Position));
        _decisions.Clear();
        _decisions.AddRange(decisions.Where(d => d.ConferenceId == Id).OrderBy(d => d.Position));
    }

    /// <summary>Moves a planned conference (or changes its place): the invitees get an update with the next sequence.</summary>
    public DomainError? Reschedule(ConferenceSchedule schedule, DateTime now)
    {
        if (ConferenceRules.CheckCanChange(Status) is { } refused) return refused;
        Apply(schedule, now);
        Sequence++;
        return null;
    }

    public DomainError? Cancel(string? reason, DateTime now)
    {
        if (ConferenceRules.CheckCanChange(Status) is { } refused) return refused;
        Status = ConferenceStatus.Geannuleerd;
        CancelReason = reason;
        Sequence++;
        UpdatedAt = now;
        return null;
    }

    /// <summary>
    /// Invites more people to a planned conference: each gets the invitation with the current sequence; those already invited
    /// are not invited twice. Returns the invitees added.
    /// </summary>
    public (DomainError? Error, IReadOnlyList<ConferenceInvitee> Added) AddInvitees(IReadOnlyList<InviteeContent> invitees, DateTime now)
    {
        if (ConferenceRules.CheckCanChange(Status) is { } refused) return (refused, []);
        var invited = _invitees.Select(i => new InviteeContent(i.Kind, i.ReferenceId, i.Name, i.Email)).ToList();
        if (ConferenceRules.CheckNotInvited(invited, invitees) is { } twice) return (twice, []);
        if (_invitees.Count + invitees.Count > ConferenceRules.MaxInvitees)
            return (new DomainError(ConferenceRules.InviteesRequiredCode, "Genodigden", $"Nodig hooguit {ConferenceRules.MaxInvitees} mensen uit."), []);
        var next = _invitees.Count == 0 ? 0 : _invitees.Max(x => x.Position) + 1;
        var added = invitees.Select((i, n) => ConferenceInvitee.For(this, i, next + n)).ToList();
        _invitees.AddRange(added);
        UpdatedAt = now;
        return (null, added);
    }

    /// <summary>
    /// Withdraws one invitation of a planned conference; at least one invitee stays. The sequence goes up, so the calendar of
    /// the one no longer invited accepts the cancellation it gets.
    /// </summary>
    public (DomainError? Error, ConferenceInvitee? Removed) WithdrawInvitee(Guid inviteeId, DateTime now)
    {
        if (ConferenceRules.CheckCanChange(Status) is { } refused) return (refused, null);
        var invitee = _invitees.FirstOrDefault(i => i.Id == inviteeId);
        if (invitee is null) return (new DomainError(ConferenceRules.InviteeUnknownCode, "Genodigde", "Deze persoon is niet voor dit overleg uitgenodigd."), null);
        if (ConferenceRules.CheckCanWithdraw(_invitees.Count - 1) is { } last) return (last, null);
        _invitees.Remove(invitee);
        Sequence++;
        UpdatedAt = now;
        return (null, invitee);
    }

    /// <summary>Who came; recording it marks the conference held. Ids not invited are ignored by the caller's check.</summary>
    public DomainError? RecordAttendance(IReadOnlyDictionary<Guid, Attendance> attendance, DateTime now)
    {
        if (ConferenceRules.CheckCanRecord(Status, StartsAt, now) is { } refused) return refused;
        foreach (var invitee in _invitees)
            if (attendance.TryGetValue(invitee.Id, out var a)) invitee.Attendance = a;
        Status = ConferenceStatus.Gehouden;
        UpdatedAt = now;
        return null;
    }

    /// <summary>
    /// The minutes and the whole list of decisions (replacing the former list). A decision whose text is unchanged stays the same
    /// decision (its id, so what the plan took from it keeps pointing at it); only its place in the list may change. Returns the
    /// rows added and removed.
    /// </summary>
    /// <param name="inPlan">The decisions of this conference the plan took a goal or action from: they may not be removed or reworded.</param>
    public (DomainError? Error, IReadOnlyList<ConferenceDecision> Added, IReadOnlyList<ConferenceDecision> Removed) RecordMinutes(
        string? minutes, IReadOnlyList<string> decisions, IReadOnlySet<Guid> inPlan, DateTime now)
    {
        if (ConferenceRules.CheckCanRecord(Status, StartsAt, now) is { } refused) return (refused, [], []);
        if (ConferenceRules.CheckKeepsDecisionsInPlan(_decisions.Where(d => inPlan.Contains(d.Id) && !decisions.Contains(d.Text, StringComparer.Ordinal)).Select(d => d.Text))
            is { } inPlanRefused) return (inPlanRefused, [], []);
        Minutes = minutes;
        var former = _decisions.ToList();
        var added = new List<ConferenceDecision>();
        _decisions.Clear();
        for (var i = 0; i < decisions.Count; i++)
        {
            var kept = former.FirstOrDefault(d => string.Equals(d.Text, decisions[i], StringComparison.Ordinal));
            if (kept is not null)
            {
                former.Remove(kept);
                kept.Position = i;
                _decisions.Add(kept);
                continue;
            }
            var d = new ConferenceDecision
            {
                Id = Guid.CreateVersion7(), Gemeentecode = Gemeentecode, ConferenceId = Id, HouseholdId = HouseholdId, Position = i, Text = decisions[i], CreatedAt = now,
            };
            added.Add(d);
            _decisions.Add(d);
        }
        Status = ConferenceStatus.Gehouden;
        UpdatedAt = now;
        return (null, added, former);
    }

    /// <summary>"Plan version N was agreed at this meeting": only once the meeting has been held.</summary>
    public DomainError? AgreePlanVersion(Guid planId, int version, DateTime now)
    {
        if (Status != ConferenceStatus.Gehouden)
            return new DomainError(ConferenceRules.NotHeldCode, "Planversie", "Leg eerst vast wie er waren of wat er besproken is; daarna koppelt u de planversie.");
        AgreedPlanId = planId;
        AgreedPlanVersion = version;
        UpdatedAt = now;
        return null;
    }

    private void Apply(ConferenceSchedule s, DateTime now)
    {
        Kind = s.Kind;
        StartsAt = s.StartsAt;
        EndsAt = s.EndsAt;
        Place = s.Place;
        Link = s.Link;
        UpdatedAt = now;
    }
}

/// <summary>
/// Someone invited to a conference: a kind, the id it points at (a member, an involvement, a referral; none for someone named),
/// the name and e-mail address as they were when invited, and whether they came.
/// </summary>
public sealed class ConferenceInvitee : IMunicipalityOwned
{
    public Guid Id { get; private init; }
    public required string Gemeentecode { get; init; }
    public Guid ConferenceId { get; private init; }
    public Guid HouseholdId { get; private init; }
    public int Position { get; private init; }
    public InviteeKind Kind { get; private init; }
    public Guid? ReferenceId { get; private init; }
    public string Name { get; private init; } = "";
    public string? Email { get; private init; }
    public Attendance Attendance { get; internal set; }

    internal static ConferenceInvitee For(Conference c, InviteeContent i, int? position = null) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = c.Gemeentecode, ConferenceId = c.Id, HouseholdId = c.HouseholdId, Position = position ?? c.Invitees.Count,
        Kind = i.Kind, ReferenceId = i.ReferenceId, Name = i.Name, Email = i.Email, Attendance = Attendance.Onbekend,
    };
}

/// <summary>A decision (besluit) taken at a conference, in the order recorded.</summary>
public sealed class ConferenceDecision : IMunicipalityOwned
{
    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    public Guid ConferenceId { get; init; }
    public Guid HouseholdId { get; init; }
    /// <summary>Its place in the list; re-recorded minutes may move a decision that stays.</summary>
    public int Position { get; internal set; }
    public string Text { get; init; } = "";
    public DateTime CreatedAt { get; init; }
}
