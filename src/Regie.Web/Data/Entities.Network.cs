using Regie.Domain.Care;
using Regie.Domain.Common;
using System.Text.Json;

namespace Regie.Web.Data;

/// <summary>
/// Someone from the household's network — family, a friend, a neighbour, a volunteer — who takes part in the plan,
/// with the household's consent. Added through <see cref="Add"/>, changed through <see cref="Change"/> and ended through
/// <see cref="End"/>: an ended member stays in the file's history and is never deleted. Read by id by other parts of the
/// file (a case conference invites them), so its id, household and name are plain.
/// </summary>
public sealed class NetworkMember : IMunicipalityOwned
{
    public Guid Id { get; private init; }
    public required string Gemeentecode { get; init; }
    public Guid HouseholdId { get; private init; }
    public string Name { get; private set; } = "";
    public NetworkRelation Relation { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    /// <summary>What they do in the plan, in a few words.</summary>
    public string RoleInPlan { get; private set; } = "";
    /// <summary>When the household consented to their taking part.</summary>
    public DateOnly ConsentOn { get; private set; }
    /// <summary>Who in the household consented (a person id), and their name as it was then.</summary>
    public Guid ConsentBy { get; private set; }
    public string ConsentByName { get; private set; } = "";
    public DateOnly From { get; private init; }
    /// <summary>Set once, by <see cref="End"/>: from then on they no longer take part.</summary>
    public DateOnly? Until { get; private set; }
    public string? EndedBy { get; private set; }
    public DateTime CreatedAt { get; private init; }
    /// <summary>Concurrency token, bumped by every save; settable so a use case can present the version the user saw.</summary>
    public int Version { get; set; }

    public bool IsCurrent => Until is null;

    /// <summary>Who they are and their part in the plan as stored, in the form a change is checked in.</summary>
    public NetworkMemberContent Content => new(Name, Relation, Phone, Email, RoleInPlan, ConsentOn, ConsentBy, ConsentByName);

    public static NetworkMember Add(Household household, NetworkMemberContent c, DateOnly today, DateTime now)
    {
        var member = new NetworkMember
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, From = today, CreatedAt = now, Version = 1,
        };
        member.Apply(c);
        return member;
    }

    /// <summary>
    /// What changed, in a few Dutch words for the timeline; null with the rule's error when the member was ended, and null
    /// without an error when nothing changed (then nothing is saved and the version stays).
    /// </summary>
    public string? Change(NetworkMemberContent c, ErrorList errors)
    {
        errors.Add(NetworkRules.CheckCurrent(Until));
        if (errors.HasErrors) return null;
        if (c == Content) return null;
        Apply(c);
        return $"{Name} ({NetworkRelations.Label(Relation).ToLowerInvariant()}) in het netwerk gewijzigd";
    }

    public bool End(string? datum, DateOnly today, string endedBy, ErrorList errors)
    {
        if (NetworkRules.CheckEnd(datum, From, Until, today, errors) is not { } date) return false;
        Until = date;
        EndedBy = endedBy;
        return true;
    }

    private void Apply(NetworkMemberContent c)
    {
        Name = c.Name;
        Relation = c.Relation;
        Phone = c.Phone;
        Email = c.Email;
        RoleInPlan = c.RoleInPlan;
        ConsentOn = c.ConsentOn;
        ConsentBy = c.ConsentBy;
        ConsentByName = c.ConsentByName;
    }
}

/// <summary>The plan's own sections: what goes well, the concerns (the most important first) and the help there was before.</summary>
public sealed partial class Plan
{
    private string? _strengths;
    private string? _concerns;
    private string? _earlierHelp;

    /// <summary>What goes well: the household's strengths ("krachten"). Changed only through <see cref="ChangeSections"/>.</summary>
    public string? Strengths { get => _strengths; init => _strengths = value; }
    /// <summary>The concerns as stored (JSON); read them through <see cref="Concerns"/>.</summary>
    public string? ConcernsJson { get => _concerns; init => _concerns = value; }
    public IReadOnlyList<PlanConcern> Concerns => _concerns is null ? [] : JsonSerializer.Deserialize<List<PlanConcern>>(_concerns) ?? [];
    /// <summary>Help the household had before this plan ("eerdere hulp").</summary>
    public string? EarlierHelp { get => _earlierHelp; init => _earlierHelp = value; }

    public PlanSectionContent Sections => new(Strengths, Concerns, EarlierHelp);

    /// <summary>The sections as filled in; the change for the new version, or null with the errors (or none, when nothing changed).</summary>
    public string? ChangeSections(PlanSectionFields fields, ErrorList errors)
    {
        if (!IsActive)
        {
            errors.Add(PlanRules.NoActivePlan());
            return null;
        }
        if (PlanSectionRules.Check(fields, errors) is not { } c) return null;
        var change = PlanSectionRules.Describe(Sections, c);
        if (change is null) return null;
        _strengths = c.Strengths;
        _concerns = c.Concerns.Count == 0 ? null : JsonSerializer.Serialize(c.Concerns);
        _earlierHelp = c.EarlierHelp;
        return change;
    }
}

/// <summary>An action carried out by someone from the household's network: the member it names.</summary>
public sealed partial class PlanAction
{
    private Guid? _networkMemberId;

    /// <summary>The network member who carries it out, of the same household's network; null for every other owner.</summary>
    public Guid? NetworkMemberId { get => _networkMemberId; init => _networkMemberId = value; }

    /// <summary>The network member it names was renamed: an action still to be done shows them by their new name.</summary>
    internal void RenameNetworkOwner(NetworkMember member)
    {
        if (_networkMemberId == member.Id && DoneOn is null) _ownerName = member.Name;
    }
}
