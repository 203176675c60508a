using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>
/// The municipality's vroegsignalering settings as every slice reads them: the stored row, or the defaults (DOMAIN.md's contact
/// term, the Wgs retention) while the municipality has not saved its own.
/// </summary>
public sealed class VroegsignaleringSettingsReader(RegieDbContext db)
{
    public async Task<VroegsignaleringSettings> GetAsync(string gemeentecode, CancellationToken ct) =>
        await db.VroegsignaleringSettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Gemeentecode == gemeentecode, ct)
        ?? new VroegsignaleringSettings { Gemeentecode = gemeentecode };
}
