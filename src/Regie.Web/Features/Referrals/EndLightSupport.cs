using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Referrals;

public sealed class LightSupportEndInput
{
    [Description("jjjj-mm-dd (of dd-mm-jjjj), niet voor de start en niet in de toekomst; leeg: vandaag.")]
    public string? Einddatum { get; set; }
    [Required] public string? Uitkomst { get; set; }
    [Description("De versie van de ondersteuning zoals u haar las; een andere geeft 409 (concurrency-conflict).")]
    public int Versie { get; set; }
}

/// <summary>The coordinator ends light support with what it brought.</summary>
public sealed class EndLightSupportHandler(RegieDbContext db, FileAccessService access, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<int>> HandleAsync(Guid householdId, Guid supportId, LightSupportEndInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<int>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var support = await db.LightSupports.FirstOrDefaultAsync(s => s.Id == supportId && s.HouseholdId == householdId, ct);
        if (support is null) return CommandResult<int>.NotFound("De ondersteuning");
        var errors = new ErrorList();
        var ended = support.CheckEnd(input.Einddatum, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
        var outcome = errors.Take(TextRules.Required(input.Uitkomst, "Uitkomst", "de uitkomst", LightSupportRules.OutcomeMaxLength,
            LightSupportRules.OutcomeRequiredCode, "Schrijf kort wat de ondersteuning opleverde."));
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        if (support.Version != input.Versie) return CommandResult<int>.Conflict();
        db.Entry(support).Property(s => s.Version).OriginalValue = input.Versie;
        support.End(ended!.Value, outcome!);
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        timeline.Record(household, EventTypes.SupportEnded, $"Lichte ondersteuning beëindigd: {StartLightSupportHandler.Short(support.Description)}",
            effectiveDate: support.EndedOn, personId: support.PersonId, data: new { interventie = support.Id });
        var result = await db.SaveOrConflictAsync(input.Versie + 1, ct);
        return await audit.AfterAsync(result, AuditResources.LightSupport, householdId, support.PersonId,
            $"lichte ondersteuning beëindigd: {StartLightSupportHandler.Short(support.Description)}", ct);
    }
}
