using Regie.Domain.Common;
using Regie.Domain.Models;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Evaluaties;

public class WerkwijzewijzigingInput
{
    public string? Datum { get; set; }
    public string? Titel { get; set; }
    public string? Omschrijving { get; set; }
    public List<string> Teams { get; set; } = [];
}

/// <summary>The policy officer records that some teams changed their way of working on a day, so the change can be evaluated against the others.</summary>
public sealed class RecordWerkwijzewijzigingHandler(RegieDbContext db, EvaluationData data, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(WerkwijzewijzigingInput input, CancellationToken ct)
    {
        if (!user.IsSystem && user.Role != Roles.Beleid) return CommandResult<Guid>.Forbidden();
        var teams = await data.TeamNamesAsync(ct);
        var (read, errors) = Read(input, teams, data.Today);
        if (read is not { } r) return CommandResult<Guid>.Invalid(errors);
        var (date, title, description, chosen) = r;
        var change = new Werkwijzewijziging
        {
            Id = Guid.CreateVersion7(), Gemeentecode = user.Gemeentecode!, Date = date, Title = title, Description = description,
            TeamIds = string.Join(',', chosen), RecordedBy = user.ActorName, RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Werkwijzewijzigingen.Add(change);
        var names = string.Join(", ", chosen.Select(t => teams[t]).Order());
        var detail = $"werkwijzewijziging {change.Id} vastgelegd: {change.Title}, {DutchDate.Format(change.Date)}, teams {names}";
        return await audit.AfterAsync(await db.SaveOrConflictAsync(change.Id, ct), AuditResources.PracticeChange, null, null, detail, ct, AuditActions.Create);
    }

    /// <summary>
    /// The form read under the rules of a recorded change, for recording and for correcting alike: a real date not in the
    /// future, a title, an optional description, and some of the municipality's teams but not all.
    /// </summary>
    public static ((DateOnly Date, string Title, string? Description, IReadOnlyList<Guid> Teams)? Value, IReadOnlyList<DomainError> Errors) Read(
        WerkwijzewijzigingInput input, IReadOnlyDictionary<Guid, string> teams, DateOnly today)
    {
        var errors = new ErrorList();
        var date = EvaluationRules.ReadDate(input.Datum, "Datum", today, errors);
        var title = EvaluationRules.ReadTitle(input.Titel, errors);
        var description = EvaluationRules.ReadDescription(input.Omschrijving, errors);
        var chosen = EvaluateChange.ReadTeams(input.Teams, teams, errors);
        if (chosen.Count == 0 && !errors.Errors.Any(e => e.Field == "Teams")) errors.Add(EvaluationRules.TeamsRequired("Teams"));
        else if (chosen.Count > 0 && chosen.Count == teams.Count) errors.Add(EvaluationRules.NoComparison("Teams"));
        return errors.HasErrors ? (null, errors.Errors) : ((date!.Value, title!, description, chosen), errors.Errors);
    }
}
