using Regie.Domain.Common;

namespace Regie.Domain.Coordination;

/// <summary>"Eén gezin, één regisseur": one coordinator at a time, and no transfer without a handover.</summary>
public static class CoordinatorRules
{
    public const string SameCoordinatorCode = "coordinator-unchanged";
    public const string HandoverRequiredCode = "handover-note-required";
    public const int HandoverNoteMaxLength = 4000;
    public const int MinimumHandoverLength = 20;

    public const string OtherTeamCode = "coordinator-other-team";
    public const string CoordinatorInvalidCode = "coordinator-invalid";

    /// <summary>Only a team worker or team lead coordinates a household.</summary>
    public static DomainError NotStaff => new(CoordinatorInvalidCode, "RegisseurId", "Kies een wijkteammedewerker of teamleider als regisseur.");

    /// <summary>
    /// Coordinator candidates are the staff of the team that holds the file. Handing the household to another team
    /// moves the file there, so that is the holding team's lead's decision (with the handover note). A file that no
    /// team holds yet goes to the team of whoever is chosen: a team worker chooses from their own team (never takes
    /// another team's worker, nor gives it to one); the desk, which has no team, chooses the team.
    /// </summary>
    public static bool MayChoose(Guid? holdingTeam, Guid? candidateTeam, Guid? userTeam, bool userLeadsHoldingTeam) =>
        holdingTeam is null ? userTeam is null || candidateTeam == userTeam : candidateTeam == holdingTeam || userLeadsHoldingTeam;

    public static DomainError OtherTeam => new(OtherTeamCode, "RegisseurId",
        "Kies een medewerker van het team dat het dossier heeft. De regie overdragen aan een ander team doet de teamleider van dit team.");

    public static void CheckTransfer(string? current, string next, string? handoverNote, ErrorList errors)
    {
        if (current == next)
            errors.Add(new DomainError(SameCoordinatorCode, "RegisseurId", "Deze medewerker is al de regisseur van dit huishouden."));
        // The first coordinator needs no handover; every later one inherits a household and needs to know why and what.
        if (current is not null && (handoverNote?.Trim().Length ?? 0) < MinimumHandoverLength)
            errors.Add(new DomainError(HandoverRequiredCode, "Overdracht",
                $"Schrijf een overdracht van minstens {MinimumHandoverLength} tekens: wat speelt er, wat is afgesproken, wie zijn betrokken."));
    }
}
