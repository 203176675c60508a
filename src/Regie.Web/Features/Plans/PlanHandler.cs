using Regie.Domain.Access;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Features.Trajectories;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Plans;

/// <summary>
/// The household's one plan: goals with their SMART parts, actions with an owner from the household,
/// its network, volunteers or professionals, agreements, evaluations and the household's agreement.
/// Every saved change is one new version of the whole plan.
/// </summary>
public sealed class PlanHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    TrajectoryHandler trajectories, Assignees.AssigneeQueries assignees, TimeProvider clock)
{
    public const string NoActivePlanCode = "plan-not-active";
    public const string PlanExistsCode = "plan-already-active";
    public const string GoalNotFoundCode = "goal-not-found";
    public const string DomainInvalidCode = "goal-domain-invalid";
    public const string WayInvalidCode = "agreement-way-invalid";
    public const string AgreementDateInvalidCode = "agreement-date-invalid";
    public const string EvaluationSummaryRequiredCode = "evaluation-summary-required";
    public const string NoGoalsCode = "plan-has-no-goals";
    public const string RatingInvalidCode = "rating-invalid";

    /// <summary>How the household can give its agreement. Stored values.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Ways =
        [("ondertekend", "Ondertekend op papier"), ("mondeling", "Mondeling, in het gesprek"), ("digitaal", "Digitaal (e-mail of portaal)")];

    public static IEnumerable<string> WayValues => Ways.Select(w => w.Value);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The active plan, or the latest closed one; null when there is none or the user may not see it.</summary>
    /// <param name="audited">False only where the caller records the read itself (the household page records one entry for the whole file).</param>
    public async Task<PlanView?> CurrentAsync(Guid householdId, CancellationToken ct, bool audited = true)
    {
        if (!await MayReadAsync(householdId, ct)) return null;
        var plan = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == householdId)
            .OrderBy(p => p.ClosedOn == null ? 0 : 1).ThenByDescending(p => p.StartedOn).ThenByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.Plan, householdId, ct: ct);
        return await ViewAsync(plan, ct);
    }

    public async Task<PlanView?> ByIdAsync(Guid householdId, Guid planId, CancellationToken ct)
    {
        if (!await MayReadAsync(householdId, ct)) return null;
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.HouseholdId == householdId, ct);
        if (plan is null) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Plan, householdId, ct: ct);
        return await ViewAsync(plan, ct);
    }

    private async Task<bool> MayReadAsync(Guid householdId, CancellationToken ct) => access.IsCareRole && await access.CanOpenAsync(householdId, ct);

    private async Task<PlanView> ViewAsync(Plan plan, CancellationToken ct)
    {
        var today = Today;
        // Few round trips for the whole plan: it is shown on the household page, the most opened page.
        var frameworks = await db.Trajectories.AsNoTracking().Where(t => t.Id == plan.TrajectoryId).Select(t => t.Frameworks).FirstOrDefaultAsync(ct);
        // Its own query: as a subquery of the plan row EF numbers every agreement of the municipality to find the latest.
        var agreement = await db.PlanAgreements.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderByDescending(a => a.RecordedAt)
            .Select(a => new AgreementView(a.VersionNumber, a.AgreedByName, a.AgreedOn, a.Wijze, a.RecordedAt)).FirstOrDefaultAsync(ct);
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.Position).ToListAsync(ct);
        // Names by id in a second query: a multi-column subquery per goal makes EF number every person of the municipality.
        var personIds = goals.Select(g => g.PersonId).OfType<Guid>().Distinct().ToList();
        var persons = personIds.Count == 0 ? [] : await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam }).ToListAsync(ct);
        var names = persons.ToDictionary(p => p.Id, p => new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Position).ToListAsync(ct);
        var evaluations = await db.PlanEvaluations.AsNoTracking().Where(e => e.PlanId == plan.Id).OrderByDescending(e => e.HeldOn)
            .Select(e => new EvaluationView(e.HeldOn, e.Summary, db.Users.Where(u => u.Id == e.RecordedBy).Select(u => u.DisplayName).FirstOrDefault() ?? "Demo-installatie"))
            .ToListAsync(ct);
        var active = plan.ClosedOn is null;
        return new PlanView(plan.Id, plan.HouseholdId, plan.TrajectoryId, plan.Version, plan.StartedOn, plan.ClosedOn, plan.Afspraken, plan.NextEvaluationOn,
            LegalFrameworks.ParseList(frameworks),
            goals.Select(g => new GoalView(g.Id, g.Domain, g.PersonId, g.PersonId is { } pid ? names.GetValueOrDefault(pid) : null, g.Wat, g.MeetbaarResultaat,
                g.Streefdatum, g.Wie, g.Status, g.StatusChangedOn, g.Toelichting, active && !GoalStatuses.IsFinal(g.Status) && g.Streefdatum < today)).ToList(),
            actions.Select(a => new ActionView(a.Id, a.GoalId, a.Omschrijving, a.OwnerKind, a.OwnerName, a.Deadline, a.DoneOn,
                active && a.DoneOn is null && a.Deadline < today)).ToList(),
            agreement, evaluations);
    }

    /// <summary>Starts the household's plan; opens a trajectory when none is open (a household the team took on without a triage in Regie).</summary>
    public async Task<CommandResult<Guid>> StartAsync(Guid householdId, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        if (await db.Plans.AnyAsync(p => p.HouseholdId == householdId && p.ClosedOn == null, ct))
            return CommandResult<Guid>.Invalid(new DomainError(PlanExistsCode, "", "Dit huishouden heeft al een actief plan. Eén huishouden, één plan."));
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var trajectory = await db.Trajectories.FirstOrDefaultAsync(t => t.HouseholdId == householdId && t.ClosedOn == null, ct)
            ?? trajectories.Open(household, requestId: null, "Traject gestart bij het maken van het plan");
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new Plan
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = householdId, TrajectoryId = trajectory.Id,
            StartedOn = Today, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        db.Plans.Add(plan);
        AddVersion(plan, 1, "Plan gestart", PlanVersions.Snapshot(plan, trajectory.Frameworks, [], [], new Dictionary<Guid, string>()));
        timeline.Record(household, EventTypes.PlanChanged, "Plan gestart", data: new { plan = plan.Id, versie = 1 });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(plan.Id, ct), AuditResources.Plan, householdId, null, "plan gestart", ct, AuditActions.Create);
    }

    public async Task<CommandResult<int>> UpdatePlanAsync(Guid householdId, PlanInput input, CancellationToken ct)
    {
        var work = await LoadAsync(householdId, ct);
        if (work.Failure is { } failure) return failure;
        var errors = new ErrorList();
        var afspraken = errors.Take(TextRules.Optional(input.Afspraken, "Afspraken", "de afspraken", PlanRules.AfsprakenMaxLength));
        var evaluation = input.Evaluatiedatum == DutchDate.Format(work.Plan!.NextEvaluationOn) ? work.Plan.NextEvaluationOn : PlanRules.CheckEvaluationDate(input.Evaluatiedatum, Today, errors);
        var frameworks = LegalFrameworks.ParseChosen(input.Kaders, "Kaders", errors);
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        work.Plan.Afspraken = afspraken;
        work.Plan.NextEvaluationOn = evaluation;
        work.Trajectory!.Frameworks = LegalFrameworks.ToStored(frameworks);
        return await SaveAsync(work, input.Versie, "Afspraken, evaluatiedatum en wettelijke kaders bijgewerkt", ct);
    }

    public async Task<CommandResult<int>> AddGoalAsync(Guid householdId, GoalInput input, CancellationToken ct) =>
        await SaveGoalAsync(householdId, null, input, ct);

    public async Task<CommandResult<int>> UpdateGoalAsync(Guid householdId, Guid goalId, GoalInput input, CancellationToken ct) =>
        await SaveGoalAsync(householdId, goalId, input, ct);

    private async Task<CommandResult<int>> SaveGoalAsync(Guid householdId, Guid? goalId, GoalInput input, CancellationToken ct)
    {
        var work = await LoadAsync(householdId, ct);
        if (work.Failure is { } failure) return failure;
        var goal = goalId is { } gid ? work.Goals.FirstOrDefault(g => g.Id == gid) : null;
        if (goalId is not null && goal is null) return CommandResult<int>.NotFound("Het doel");
        var errors = new ErrorList();
        var domain = Enums.ParseDefined<ZrmDomain>(input.Leefgebied);
        if (domain is null) errors.Add(new DomainError(DomainInvalidCode, "Leefgebied", "Kies het leefgebied van het doel."));
        if (input.PersoonId is { } pid && !work.Members.ContainsKey(pid))
            errors.Add(new DomainError(MembershipRules.NotMemberCode, "PersoonId", "Kies iemand uit het huishouden, of het hele huishouden."));
        var target = PlanRules.CheckGoal(input.Wat, input.MeetbaarResultaat, input.Wie, input.Streefdatum, Today, goal?.Streefdatum, errors);
        var wat = errors.Take(TextRules.Optional(input.Wat, "Wat", "het doel", PlanRules.GoalWhatMaxLength));
        var meetbaar = errors.Take(TextRules.Optional(input.MeetbaarResultaat, "MeetbaarResultaat", "het meetbare resultaat", PlanRules.GoalMeasurableMaxLength));
        var wie = errors.Take(TextRules.Optional(input.Wie, "Wie", "wie", PlanRules.GoalWhoMaxLength));
        var toelichting = errors.Take(TextRules.Optional(input.Toelichting, "Toelichting", "de toelichting", PlanRules.GoalExplanationMaxLength));
        var status = GoalStatus.Open;
        if (!string.IsNullOrEmpty(input.Status) && !(Enum.TryParse(input.Status, out status) && Enum.IsDefined(status)))
            errors.Add(new DomainError(PlanRules.GoalStatusChangeCode, "Status", "Kies een status uit de lijst."));
        else if (goal is not null) PlanRules.CheckStatusChange(goal.Status, status, errors);
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);

        string change;
        if (goal is null)
        {
            goal = new PlanGoal
            {
                Id = Guid.CreateVersion7(), Gemeentecode = work.Plan!.Gemeentecode, PlanId = work.Plan.Id, HouseholdId = householdId,
                Wat = wat!, MeetbaarResultaat = meetbaar!, Wie = wie!, Status = status, StatusChangedOn = Today,
                Position = work.Goals.Count == 0 ? 1 : work.Goals.Max(g => g.Position) + 1, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.PlanGoals.Add(goal);
            work.Goals.Add(goal);
            change = $"Doel toegevoegd ({Zrm.Label(domain!.Value)}): {Short(wat!)}";
        }
        else
        {
            change = goal.Status != status
                ? $"Doel '{Short(goal.Wat)}': {GoalStatuses.Label(goal.Status).ToLowerInvariant()} → {GoalStatuses.Label(status).ToLowerInvariant()}"
                : $"Doel gewijzigd: {Short(wat!)}";
            if (goal.Status != status) goal.StatusChangedOn = Today;
            goal.Wat = wat!;
            goal.MeetbaarResultaat = meetbaar!;
            goal.Wie = wie!;
            goal.Status = status;
        }
        goal.Domain = domain!.Value;
        goal.PersonId = input.PersoonId;
        goal.Streefdatum = target!.Value;
        goal.Toelichting = toelichting;
        return await SaveAsync(work, input.Versie, change, ct);
    }

    public async Task<CommandResult<int>> AddActionAsync(Guid householdId, ActionInput input, CancellationToken ct) =>
        await SaveActionAsync(householdId, null, input, ct);

    public async Task<CommandResult<int>> UpdateActionAsync(Guid householdId, Guid actionId, ActionInput input, CancellationToken ct) =>
        await SaveActionAsync(householdId, actionId, input, ct);

    private async Task<CommandResult<int>> SaveActionAsync(Guid householdId, Guid? actionId, ActionInput input, CancellationToken ct)
    {
        var work = await LoadAsync(householdId, ct);
        if (work.Failure is { } failure) return failure;
        var action = actionId is { } aid ? work.Actions.FirstOrDefault(a => a.Id == aid) : null;
        if (actionId is not null && action is null) return CommandResult<int>.NotFound("De actie");
        var errors = new ErrorList();
        var kind = Enums.ParseDefined<ActionOwnerKind>(input.Uitvoerder);
        if (input.DoelId is { } goalId && work.Goals.All(g => g.Id != goalId))
            errors.Add(new DomainError(GoalNotFoundCode, "DoelId", "Kies een doel uit dit plan."));
        string? ownerName = null;
        Guid? ownerPerson = null;
        string? ownerUser = null;
        if (kind == ActionOwnerKind.Huishoudlid && input.PersoonId is { } pid)
        {
            if (work.Members.TryGetValue(pid, out var memberName)) (ownerName, ownerPerson) = (memberName, pid);
            else errors.Add(new DomainError(MembershipRules.NotMemberCode, "PersoonId", "Kies iemand uit het huishouden."));
        }
        else if (kind == ActionOwnerKind.Professional && !string.IsNullOrEmpty(input.MedewerkerId))
        {
            ownerName = await db.Users.Where(u => u.Id == input.MedewerkerId && u.Gemeentecode == user.Gemeentecode).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (ownerName is null) errors.Add(new DomainError(PlanRules.ActionOwnerRequiredCode, "MedewerkerId", "Kies een medewerker uit de lijst."));
            else ownerUser = input.MedewerkerId;
        }
        else if (kind is not ActionOwnerKind.Huishoudlid) ownerName = errors.Take(TextRules.Optional(input.Naam, "Naam", "de naam", PlanRules.ActionOwnerNameMaxLength));
        var deadline = PlanRules.CheckAction(input.Omschrijving, kind, ownerName, input.Deadline, Today, errors);
        var omschrijving = errors.Take(TextRules.Optional(input.Omschrijving, "Omschrijving", "de omschrijving", PlanRules.ActionDescriptionMaxLength));
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);

        if (action is null)
        {
            action = new PlanAction
            {
                Id = Guid.CreateVersion7(), Gemeentecode = work.Plan!.Gemeentecode, PlanId = work.Plan.Id, HouseholdId = householdId,
                Omschrijving = omschrijving!, OwnerName = ownerName!,
                Position = work.Actions.Count == 0 ? 1 : work.Actions.Max(a => a.Position) + 1, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.PlanActions.Add(action);
            work.Actions.Add(action);
        }
        var change = $"{(actionId is null ? "Actie toegevoegd" : "Actie gewijzigd")} ({ActionOwnerKinds.ShortLabel(kind!.Value)}: {ownerName}): {Short(omschrijving!)}";
        action.GoalId = input.DoelId;
        action.Omschrijving = omschrijving!;
        action.OwnerKind = kind.Value;
        action.OwnerName = ownerName!;
        action.OwnerPersonId = ownerPerson;
        action.OwnerUserId = ownerUser;
        action.Deadline = deadline;
        return await SaveAsync(work, input.Versie, change, ct);
    }

    public async Task<CommandResult<int>> CompleteActionAsync(Guid householdId, Guid actionId, VersionInput input, CancellationToken ct)
    {
        var work = await LoadAsync(householdId, ct);
        if (work.Failure is { } failure) return failure;
        if (work.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return CommandResult<int>.NotFound("De actie");
        if (action.DoneOn is not null)
            return CommandResult<int>.Invalid(new DomainError(PlanRules.ActionAlreadyDoneCode, "", "Deze actie is al afgerond."));
        action.DoneOn = Today;
        return await SaveAsync(work, input.Versie, $"Actie afgerond ({action.OwnerName}): {Short(action.Omschrijving)}", ct);
    }

    public async Task<CommandResult<int>> RecordAgreementAsync(Guid householdId, AgreementInput input, CancellationToken ct)
    {
        var work = await LoadAsync(householdId, ct);
        if (work.Failure is { } failure) return failure;
        var errors = new ErrorList();
        string? name = null;
        if (input.PersoonId is not { } pid || !work.Members.TryGetValue(pid, out name))
            errors.Add(new DomainError(MembershipRules.NotMemberCode, "PersoonId", "Kies wie uit het huishouden akkoord gaf."));
        var date = Today;
        if (!string.IsNullOrWhiteSpace(input.Datum) && (!DutchDate.TryParse(input.Datum, out date) || date > Today || date < work.Plan!.StartedOn))
            errors.Add(new DomainError(AgreementDateInvalidCode, "Datum", "Vul de datum van het akkoord in als dd-mm-jjjj: niet in de toekomst en niet voor de start van het plan."));
        if (Ways.All(w => w.Value != input.Wijze))
            errors.Add(new DomainError(WayInvalidCode, "Wijze", "Kies hoe het huishouden akkoord gaf."));
        if (work.Goals.Count == 0)
            errors.Add(new DomainError(NoGoalsCode, "", "Een plan zonder doelen kan niet worden ondertekend. Voeg eerst doelen toe."));
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        // The agreement is for the version the household saw; a plan changed meanwhile must be agreed again.
        if (work.Plan!.Version != input.Versie) return CommandResult<int>.Conflict();
        db.PlanAgreements.Add(new PlanAgreement
        {
            Id = Guid.CreateVersion7(), Gemeentecode = work.Plan.Gemeentecode, PlanId = work.Plan.Id, VersionNumber = input.Versie,
            PersonId = input.PersoonId, AgreedByName = name!, AgreedOn = date, Wijze = input.Wijze!, RecordedBy = user.ActorId,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        timeline.Record(work.Household!, EventTypes.PlanAgreed, $"{name} ging akkoord met versie {input.Versie} van het plan", effectiveDate: date, personId: input.PersoonId,
            data: new { plan = work.Plan.Id, versie = input.Versie, wijze = input.Wijze });
        var result = await db.SaveOrConflictAsync(input.Versie, ct);
        return await audit.AfterAsync(result, AuditResources.Plan, householdId, input.PersoonId, $"akkoord op versie {input.Versie}", ct);
    }

    public async Task<CommandResult<int>> RecordEvaluationAsync(Guid householdId, EvaluationInput input, CancellationToken ct)
    {
        var work = await LoadAsync(householdId, ct);
        if (work.Failure is { } failure) return failure;
        var errors = new ErrorList();
        var held = Today;
        if (!string.IsNullOrWhiteSpace(input.Datum) && (!DutchDate.TryParse(input.Datum, out held) || held > Today || held < work.Plan!.StartedOn))
            errors.Add(new DomainError(PlanRules.EvaluationDateInvalidCode, "Datum", "Vul de datum van de evaluatie in als dd-mm-jjjj: niet in de toekomst en niet voor de start van het plan."));
        var summary = errors.Take(TextRules.Optional(input.Samenvatting, "Samenvatting", "de samenvatting", PlanRules.EvaluationSummaryMaxLength));
        if (summary is null && !errors.Errors.Any(e => e.Field == "Samenvatting"))
            errors.Add(new DomainError(EvaluationSummaryRequiredCode, "Samenvatting", "Schrijf kort op wat de evaluatie opleverde."));
        var next = PlanRules.CheckEvaluationDate(input.VolgendeEvaluatie, Today, errors);
        int? rating = null;
        if (!string.IsNullOrWhiteSpace(input.Cijfer))
        {
            if (int.TryParse(input.Cijfer.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 10) rating = r;
            else errors.Add(new DomainError(RatingInvalidCode, "Cijfer", "Vul een heel cijfer van 1 tot en met 10 in, of laat het leeg."));
        }
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        // The monitor's "better support" counts these marks; the household gives it, the worker only records it.
        if (rating is { } mark)
            timeline.Record(work.Household!, EventTypes.ResidentRated, $"Het huishouden gaf de hulp een {mark}", effectiveDate: held, data: new { cijfer = mark, moment = "evaluatie" });
        db.PlanEvaluations.Add(new PlanEvaluation
        {
            Id = Guid.CreateVersion7(), Gemeentecode = work.Plan!.Gemeentecode, PlanId = work.Plan.Id, HouseholdId = householdId, HeldOn = held,
            Summary = summary!, RecordedBy = user.ActorId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        work.Plan.NextEvaluationOn = next;
        timeline.Record(work.Household!, EventTypes.PlanEvaluated, "Plan geëvalueerd", effectiveDate: held, data: new { plan = work.Plan.Id });
        return await SaveAsync(work, input.Versie, $"Evaluatie van {DutchDate.Format(held)} vastgelegd" + (next is { } n ? $"; volgende evaluatie {DutchDate.Format(n)}" : ""), ct, timelineEvent: false);
    }

    public async Task<IReadOnlyList<PlanVersionInfo>> VersionsAsync(Guid householdId, Guid planId, CancellationToken ct)
    {
        if (!await MayReadAsync(householdId, ct)) return [];
        return await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && db.Plans.Any(p => p.Id == planId && p.HouseholdId == householdId))
            .OrderByDescending(v => v.Number).Select(v => new PlanVersionInfo(v.Number, v.SavedAt, v.SavedByName, v.Change)).ToListAsync(ct);
    }

    public async Task<(PlanVersionInfo Info, PlanSnapshot Snapshot)?> VersionAsync(Guid householdId, Guid planId, int number, CancellationToken ct)
    {
        if (!await MayReadAsync(householdId, ct)) return null;
        var v = await db.PlanVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.PlanId == planId && v.Number == number && db.Plans.Any(p => p.Id == planId && p.HouseholdId == householdId), ct);
        if (v is null) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Plan, householdId, detail: $"versie {number}", ct: ct);
        return (new PlanVersionInfo(v.Number, v.SavedAt, v.SavedByName, v.Change), JsonSerializer.Deserialize<PlanSnapshot>(v.Snapshot)!);
    }

    /// <summary>Two versions side by side: each goal and action in both, marked as unchanged, changed, new or gone.</summary>
    public async Task<PlanComparison?> CompareAsync(Guid householdId, Guid planId, int left, int right, CancellationToken ct)
    {
        if (await VersionAsync(householdId, planId, left, ct) is not { } l || await VersionAsync(householdId, planId, right, ct) is not { } r) return null;
        return new PlanComparison(l.Info, r.Info, PlanDiff.Compare(l.Snapshot, r.Snapshot));
    }

    /// <summary>Household members and colleagues an action can be assigned to.</summary>
    public async Task<(IReadOnlyDictionary<Guid, string> Members, IReadOnlyList<(string Id, string Name)> Colleagues)> OwnerOptionsAsync(Guid householdId, CancellationToken ct)
    {
        var members = (await PlanVersions.MembersAsync(db, householdId, ct)).Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name);
        var colleagues = await assignees.ListAsync(Assignees.AssigneeQueries.AssignableRoles, null, ct);
        return (members, colleagues.Select(c => (c.Id, c.Naam)).ToList());
    }

    private sealed class PlanWork
    {
        public CommandResult<int>? Failure { get; init; }
        public Household? Household { get; init; }
        public Plan? Plan { get; init; }
        public Trajectory? Trajectory { get; init; }
        public List<PlanGoal> Goals { get; init; } = [];
        public List<PlanAction> Actions { get; init; } = [];
        /// <summary>Who lives in the household now: the people goals, actions and agreements may name.</summary>
        public Dictionary<Guid, string> Members { get; init; } = [];
        /// <summary>Also those who left: a snapshot keeps the names of goals set for them.</summary>
        public Dictionary<Guid, string> AllNames { get; init; } = [];
    }

    private async Task<PlanWork> LoadAsync(Guid householdId, CancellationToken ct)
    {
        if (await access.RefuseAsync<int>(householdId, FileWork.Change, ct) is { } refused) return new PlanWork { Failure = refused };
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.HouseholdId == householdId && p.ClosedOn == null, ct);
        if (plan is null)
            return new PlanWork { Failure = CommandResult<int>.Invalid(new DomainError(NoActivePlanCode, "", "Dit huishouden heeft geen actief plan. Start eerst een plan.")) };
        var members = await PlanVersions.MembersAsync(db, householdId, ct);
        return new PlanWork
        {
            Household = await db.Households.FirstAsync(h => h.Id == householdId, ct),
            Plan = plan,
            Trajectory = await db.Trajectories.FirstAsync(t => t.Id == plan.TrajectoryId, ct),
            Goals = await db.PlanGoals.Where(g => g.PlanId == plan.Id).OrderBy(g => g.Position).ToListAsync(ct),
            Actions = await db.PlanActions.Where(a => a.PlanId == plan.Id).OrderBy(a => a.Position).ToListAsync(ct),
            Members = members.Where(m => m.Current).ToDictionary(m => m.PersonId, m => m.Name),
            AllNames = members.ToDictionary(m => m.PersonId, m => m.Name),
        };
    }

    /// <summary>
    /// One saved change = one new version. The plan row's version must still be the one the user saw;
    /// otherwise nothing is saved and the user gets "someone else changed this" with their input kept.
    /// </summary>
    private async Task<CommandResult<int>> SaveAsync(PlanWork work, int seenVersion, string change, CancellationToken ct, bool timelineEvent = true)
    {
        var plan = work.Plan!;
        if (plan.Version != seenVersion) return CommandResult<int>.Conflict();
        db.Entry(plan).Property(p => p.Version).OriginalValue = seenVersion;
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(plan).Property(p => p.UpdatedAt).IsModified = true;
        var number = seenVersion + 1;
        AddVersion(plan, number, change, PlanVersions.Snapshot(plan, work.Trajectory!.Frameworks, work.Goals, work.Actions, work.AllNames));
        if (timelineEvent) timeline.Record(work.Household!, EventTypes.PlanChanged, $"Plan versie {number}: {change}", data: new { plan = plan.Id, versie = number });
        var result = await db.SaveOrConflictAsync(number, ct);
        return await audit.AfterAsync(result, AuditResources.Plan, plan.HouseholdId, null, $"plan versie {number}: {change}", ct);
    }

    private void AddVersion(Plan plan, int number, string change, PlanSnapshot snapshot) =>
        db.PlanVersions.Add(PlanVersions.New(plan, number, change, snapshot, user.ActorId, user.ActorName, clock.GetUtcNow().UtcDateTime));

    private static string Short(string s) => Text.Truncate(s, 80);
}
