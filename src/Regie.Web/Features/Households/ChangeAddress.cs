using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Households;

public sealed class ChangeAddressInput
{
    [Required] public AddressInput Adres { get; set; } = new();
    /// <summary>The version the worker saw; a save against a newer one is refused.</summary>
    public int Versie { get; set; }
}

public sealed class ChangeAddressHandler(RegieDbContext db, Access.FileAccessService access, Audit.AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid householdId, ChangeAddressInput input, CancellationToken ct)
    {
        if (await access.RefuseAsync<Guid>(householdId, FileWork.Change, ct) is { } refused) return refused;
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return CommandResult<Guid>.NotFound("Het huishouden");
        var errors = new ErrorList();
        var address = input.Adres.Validate(errors);
        if (address is null) return CommandResult<Guid>.Invalid(errors.Errors);
        if (household.Version != input.Versie) return CommandResult<Guid>.Conflict();

        var old = household.Address;
        if (old == address) return CommandResult<Guid>.Ok(household.Id);
        db.Entry(household).Property(h => h.Version).OriginalValue = input.Versie;
        household.SetAddress(address);
        household.Touch(clock.GetUtcNow().UtcDateTime);
        timeline.Record(household, EventTypes.AddressChanged, $"Adres gewijzigd van {old.Line1}, {old.Line2} naar {address.Line1}, {address.Line2}",
            data: new { vanPostcode = old.Postcode.Value, naarPostcode = address.Postcode.Value, wijk = address.Wijk, buurt = address.Buurt });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(household.Id, ct), Audit.AuditResources.Household, household.Id, null, "adres gewijzigd", ct);
    }
}
