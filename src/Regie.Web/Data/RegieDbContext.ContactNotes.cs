using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<ContactNote> ContactNotes => Set<ContactNote>();
    public DbSet<ContactNoteVersion> ContactNoteVersions => Set<ContactNoteVersion>();

    /// <summary>Contact notes (klantcontacten) of a household, each with its versions: a change adds a row, never overwrites one.</summary>
    private void ConfigureContactNotes(ModelBuilder b)
    {
        b.Entity<ContactNote>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.CreatedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.CreatedByName).HasMaxLength(ContactNoteVersion.NameMaxLength);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.WithdrawnBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.WithdrawnByName).HasMaxLength(ContactNoteVersion.NameMaxLength);
            e.Property(x => x.WithdrawReason).HasMaxLength(ContactNoteRules.ReasonMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Versions);
            e.HasIndex(x => new { x.HouseholdId, x.Date });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<ContactNoteVersion>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.PersonIds).HasMaxLength(ContactNoteVersion.PersonIdsMaxLength);
            e.Property(x => x.Others).HasMaxLength(ContactNoteRules.OthersMaxLength);
            e.Property(x => x.Text).HasMaxLength(ContactNoteRules.TextMaxLength);
            e.Property(x => x.Reason).HasMaxLength(ContactNoteRules.ReasonMaxLength);
            e.Property(x => x.AuthorId).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.AuthorName).HasMaxLength(ContactNoteVersion.NameMaxLength);
            e.Ignore(x => x.Persons);
            e.Ignore(x => x.Content);
            e.HasIndex(x => new { x.ContactNoteId, x.Number }).IsUnique();
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
