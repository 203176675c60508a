using Regie.Domain.Access;
using Regie.Domain.Common;

namespace Regie.Domain.Safety;

/// <summary>The dates a track reached each step: the first entry of the step (corrections do not move it).</summary>
public sealed record StepReached(MeldcodeStep Step, DateOnly On);

/// <summary>How long a step took: from reaching the step before it (or opening the track) to reaching this one.</summary>
public sealed record StepDuration(MeldcodeStep Step, DateOnly From, DateOnly? Until, int Days);

/// <summary>
/// The order of the Meldcode's steps and the rules of a track. Steps 1 to 3 may be repeated (new signals, another
/// consultation); the weighing needs signals, a consultation and the conversation (or why it did not take place); the
/// decision needs a weighing and follows the meldnorm; after the decision the track is closed. Entries are never
/// changed: a correction is a new entry of the same step.
/// </summary>
public static class MeldcodeRules
{
    public const int TextMaxLength = 4000;
    public const int ShortTextMaxLength = 200;
    public const string TrackClosedCode = "meldcode-track-closed";
    public const string StepOrderCode = "meldcode-step-order";
    public const string MeldnormCode = "meldcode-meldnorm";
    public const string DecisionInvalidCode = "meldcode-decision-invalid";
    public const string CorrectionInvalidCode = "meldcode-correction-invalid";
    public const string GoalsRequiredCode = "meldcode-goals-required";
    public const string StepInvalidCode = "meldcode-step-invalid";

    /// <summary>Default for the stuck flag: a step that has not moved on in this many days is shown to the aandachtsfunctionaris and the team lead.</summary>
    public const int DefaultStuckAfterDays = 14;

    /// <summary>The limits an installation may set for the stuck flag: at least a day, at most a year.</summary>
    public const int MinStuckAfterDays = 1;
    public const int MaxStuckAfterDays = 365;

    public static bool IsValidStuckAfterDays(int days) => days is >= MinStuckAfterDays and <= MaxStuckAfterDays;

    /// <summary>Why an entry of <paramref name="step"/> cannot be added to a track that has reached <paramref name="reached"/>.</summary>
    public static DomainError? CheckStep(MeldcodeTrackStatus status, MeldcodeStep step, IReadOnlyCollection<MeldcodeStep> reached)
    {
        if (status == MeldcodeTrackStatus.Besloten)
            return new DomainError(TrackClosedCode, "", "Over dit meldcodetraject is besloten; het is afgesloten. Leg nieuwe signalen vast in een nieuw traject.");
        bool Has(MeldcodeStep s) => reached.Contains(s);
        return step switch
        {
            MeldcodeStep.Signalen => null,
            MeldcodeStep.Overleg or MeldcodeStep.Gesprek when !Has(MeldcodeStep.Signalen) =>
                Order("Leg eerst de signalen vast (stap 1)."),
            MeldcodeStep.Weging when !(Has(MeldcodeStep.Signalen) && Has(MeldcodeStep.Overleg) && Has(MeldcodeStep.Gesprek)) =>
                Order("Het afwegingskader volgt op de signalen (stap 1), het overleg (stap 2) en het gesprek met de betrokkenen of de reden waarom dat niet kon (stap 3)."),
            MeldcodeStep.Besluit when !Has(MeldcodeStep.Weging) =>
                Order("Weeg eerst met het afwegingskader (stap 4); het besluit volgt daaruit."),
            _ => null,
        };
        static DomainError Order(string message) => new(StepOrderCode, "", message);
    }

    /// <summary>
    /// The meldnorm: where the latest weighing says "melden", only a report to Veilig Thuis ends the track; where it found
    /// no suspicion, the track is closed (a report stays possible); help organised needs the plan's goals it is linked to.
    /// </summary>
    public static DomainError? CheckDecision(MeldcodeDecision decision, WeighingOutcome latestWeighing, int linkedGoals) => (decision, latestWeighing) switch
    {
        (not MeldcodeDecision.GemeldBijVeiligThuis, WeighingOutcome.Melden) => new DomainError(MeldnormCode, "Besluit",
            "Het afwegingskader leidt tot melden: volgens de meldnorm meldt u bij Veilig Thuis. Klopt de weging niet meer, leg dan eerst een nieuwe weging vast."),
        (MeldcodeDecision.HulpGeorganiseerd, WeighingOutcome.GeenVermoeden) => new DomainError(DecisionInvalidCode, "Besluit",
            "De weging vond geen vermoeden van huiselijk geweld of kindermishandeling: sluit het traject af, of leg een nieuwe weging vast."),
        (MeldcodeDecision.Afgesloten, WeighingOutcome.HulpOrganiseren) => new DomainError(DecisionInvalidCode, "Besluit",
            "De weging leidt tot hulp organiseren: leg vast welke hulp, of leg een nieuwe weging vast."),
        (MeldcodeDecision.HulpGeorganiseerd, _) when linkedGoals == 0 => new DomainError(GoalsRequiredCode, "Doelen",
            "Kies de doelen van het plan van het huishouden waarmee de hulp is georganiseerd."),
        _ => null,
    };

    /// <summary>The day each step was first reached, in step order.</summary>
    public static IReadOnlyList<StepReached> Reached(IEnumerable<(MeldcodeStep Step, DateOnly On)> entries) =>
        entries.GroupBy(e => e.Step).Select(g => new StepReached(g.Key, g.Min(e => e.On))).OrderBy(s => s.Step).ToList();

    /// <summary>
    /// How long each reached step took, in step order, and the step in progress (open track) counting until today. Each step is
    /// measured from the step reached before it in time, so a conversation held before the consultation counts from the
    /// signals; the first from the track's start (its opening, or earlier signals it records).
    /// </summary>
    public static IReadOnlyList<StepDuration> Durations(DateOnly opened, IReadOnlyList<StepReached> reached, MeldcodeTrackStatus status, DateOnly today)
    {
        var result = new List<StepDuration>();
        var from = reached.Count == 0 || opened <= reached.Min(r => r.On) ? opened : reached.Min(r => r.On);
        foreach (var r in reached.OrderBy(r => r.On).ThenBy(r => r.Step))
        {
            result.Add(new StepDuration(r.Step, from, r.On, r.On.DayNumber - from.DayNumber));
            from = r.On;
        }
        result = [.. result.OrderBy(d => d.Step)];
        var next = WaitingFor(reached);
        if (status == MeldcodeTrackStatus.Open && !reached.Any(r => r.Step == next))
            result.Add(new StepDuration(next, from, null, Math.Max(0, today.DayNumber - from.DayNumber)));
        return result;
    }

    /// <summary>
    /// The step an open track waits for: the first not reached yet. The conversation may come before the consultation, so a
    /// track with signals and a conversation waits for the consultation, not for the weighing (which needs both).
    /// </summary>
    public static MeldcodeStep WaitingFor(IReadOnlyList<StepReached> reached) =>
        Enum.GetValues<MeldcodeStep>().Where(s => !reached.Any(r => r.Step == s)).DefaultIfEmpty(MeldcodeStep.Besluit).First();

    /// <summary>An open track stands still when the highest step was reached more than <paramref name="stuckAfterDays"/> days ago.</summary>
    public static bool IsStuck(MeldcodeTrackStatus status, DateOnly opened, IReadOnlyList<StepReached> reached, DateOnly today, int stuckAfterDays) =>
        status == MeldcodeTrackStatus.Open && DaysStill(opened, reached, today) > stuckAfterDays;

    /// <summary>Days since the track last moved on: since its latest step was reached (or it opened, without entries).</summary>
    public static int DaysStill(DateOnly opened, IReadOnlyList<StepReached> reached, DateOnly today) =>
        today.DayNumber - (reached.Count == 0 ? opened : reached.Max(r => r.On)).DayNumber;

    public static string Label(MeldcodeStep step) => step switch
    {
        MeldcodeStep.Signalen => "Stap 1: signalen",
        MeldcodeStep.Overleg => "Stap 2: overleg",
        MeldcodeStep.Gesprek => "Stap 3: gesprek",
        MeldcodeStep.Weging => "Stap 4: weging",
        _ => "Stap 5: besluit",
    };

    public static string Label(MeldcodeDecision decision) => decision switch
    {
        MeldcodeDecision.HulpGeorganiseerd => "Hulp georganiseerd",
        MeldcodeDecision.GemeldBijVeiligThuis => "Gemeld bij Veilig Thuis",
        _ => "Afgesloten",
    };
}

/// <summary>What the access rule needs to know about one user, one household and its Meldcode.</summary>
/// <param name="InHoldingTeam">The user belongs to the team that holds the file (or, when no team holds it, the team that opened the track).</param>
public sealed record MeldcodeAccessFacts(string? Role, bool IsCoordinator, bool IsAandachtsfunctionaris, bool InHoldingTeam, bool HasActiveEmergencyGrant);

/// <summary>
/// Who reads a household's Meldcode track: its coordinator, the aandachtsfunctionaris and the team lead of the team that
/// holds the file, and, through break-the-glass, a care worker in an emergency (read only, audited as every emergency read).
/// Never departments, partners, policy, the privacy officer or admins, never the look-up, matches, the monitor's personal
/// data or the resident portal. Any care worker who may change the file can add signals (step 1), without reading the track.
/// </summary>
public static class MeldcodeAccess
{
    public const string AandachtsfunctionarisInvalidCode = "aandachtsfunctionaris-not-in-team";

    /// <summary>
    /// Only a wijkteam member (a professional or the team lead of a team) can be its aandachtsfunctionaris: the flag reads
    /// the tracks of the member's own team, so it means nothing for anyone else. Taking the flag away is always allowed.
    /// </summary>
    public static DomainError? CheckAandachtsfunctionaris(bool on, string? role, bool inTeam) =>
        !on || (role is RoleNames.Professional or RoleNames.Teamleider && inTeam) ? null : new DomainError(AandachtsfunctionarisInvalidCode, "Aandachtsfunctionaris",
            "Alleen een wijkteammedewerker of teamleider van een team kan aandachtsfunctionaris zijn: die leest de meldcodetrajecten van het eigen team.");

    public const string TeamOverviewRefusedCode = "meldcode-team-overview-refused";

    /// <summary>
    /// The team's overview of its open tracks (and the stuck flag): the aandachtsfunctionaris and the team lead of a team,
    /// for their own team only. Every other professional, the consulent, partners, departments, policy, privacy and admins
    /// see none: the overview names households with a concern.
    /// </summary>
    public static bool MaySeeTeamOverview(string? role, bool isAandachtsfunctionaris, bool inTeam) =>
        inTeam && (role == RoleNames.Teamleider || (role == RoleNames.Professional && isAandachtsfunctionaris));

    public static DomainError TeamOverviewRefused() => new(TeamOverviewRefusedCode, "",
        "Alleen de aandachtsfunctionaris en de teamleider van een team zien de meldcodetrajecten van het team.");

    /// <summary>
    /// The team whose aandachtsfunctionaris and team lead hold a household's Meldcode: the team holding the file; while none
    /// does, the team that first took up a track there, so a later track opened by someone else never moves the earlier ones
    /// to another team. Null when no team took any up (a concern recorded at the desk).
    /// </summary>
    public static Guid? HoldingTeam(Guid? fileTeam, Guid? firstTrackTeam) => fileTeam ?? firstTrackTeam;

    /// <summary>
    /// Whether a member of <paramref name="userTeam"/> belongs to the team holding the Meldcode. Where no team holds it, every
    /// team's aandachtsfunctionaris and team lead do, so a concern recorded at the desk is not lost between teams.
    /// </summary>
    public static bool InHoldingTeam(Guid? holdingTeam, Guid? userTeam) => userTeam is not null && (holdingTeam is null || holdingTeam == userTeam);

    public static bool MayRead(MeldcodeAccessFacts f) =>
        f.Role is RoleNames.Professional or RoleNames.Teamleider or RoleNames.Consulent &&
        (f.IsCoordinator || (f.InHoldingTeam && (f.IsAandachtsfunctionaris || f.Role == RoleNames.Teamleider)) || f.HasActiveEmergencyGrant);

    /// <summary>Steps 2 to 5 and corrections: the readers, except by breaking the glass (emergency access reads only).</summary>
    public static bool MayWork(MeldcodeAccessFacts f) =>
        f.Role is RoleNames.Professional or RoleNames.Teamleider or RoleNames.Consulent &&
        (f.IsCoordinator || (f.InHoldingTeam && (f.IsAandachtsfunctionaris || f.Role == RoleNames.Teamleider)));
}
