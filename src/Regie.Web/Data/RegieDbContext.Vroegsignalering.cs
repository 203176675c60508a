using Microsoft.EntityFrameworkCore;
using Regie.Domain.Vroegsignalering;

namespace Regie.Web.Data;

public sealed partial class RegieDbContext
{
    public DbSet<Vroegsignaal> Vroegsignalen => Set<Vroegsignaal>();
    public DbSet<Vroegsignaalzaak> Vroegsignaalzaken => Set<Vroegsignaalzaak>();
    public DbSet<Contactpoging> Contactpogingen => Set<Contactpoging>();
    public DbSet<VroegsignaleringSettings> VroegsignaleringSettings => Set<VroegsignaleringSettings>();

    /// <summary>Vroegsignalering: signals of payment arrears, one open case per household, its contact attempts, and the municipality's settings.</summary>
    private void ConfigureVroegsignalering(ModelBuilder b)
    {
        b.Entity<Vroegsignaal>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.PartnerName).HasMaxLength(200);
            e.Property(x => x.PartnerSoort).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Kenmerk).HasMaxLength(SignalRules.KenmerkMaxLength);
            e.Property(x => x.Bsn).HasMaxLength(9);
            e.Property(x => x.Voorletters).HasMaxLength(SignalRules.VoorlettersMaxLength);
            e.Property(x => x.Voorvoegsel).HasMaxLength(SignalRules.VoorvoegselMaxLength);
            e.Property(x => x.Achternaam).HasMaxLength(SignalRules.AchternaamMaxLength);
            e.Property(x => x.Straat).HasMaxLength(SignalRules.StraatMaxLength);
            e.Property(x => x.Postcode).HasMaxLength(6);
            e.Property(x => x.Huisnummertoevoeging).HasMaxLength(SignalRules.ToevoegingMaxLength);
            e.Property(x => x.Woonplaats).HasMaxLength(SignalRules.WoonplaatsMaxLength);
            e.Property(x => x.Telefoon).HasMaxLength(Domain.Registry.ContactDetails.PhoneMaxLength);
            e.Property(x => x.Email).HasMaxLength(Domain.Registry.ContactDetails.EmailMaxLength);
            e.Property(x => x.Bedrag).HasPrecision(12, 2);
            e.Property(x => x.Via).HasMaxLength(8);
            e.Property(x => x.MatchedHow).HasMaxLength(16);
            e.Property(x => x.MatchedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            e.Ignore(x => x.IsMatched);
            // Matching by hand sets the case once: two workers matching the same signal at once, the second save finds it taken (409).
            e.Property(x => x.ZaakId).IsConcurrencyToken();
            // The partner's reference identifies its signal: the same file or call twice creates nothing twice.
            e.HasIndex(x => new { x.PartnerOrganisationId, x.Kenmerk }).IsUnique().HasFilter("\"Kenmerk\" IS NOT NULL");
            e.HasIndex(x => new { x.Gemeentecode, x.ReceivedOn });
            e.HasIndex(x => x.ZaakId);
            e.HasIndex(x => x.Bsn).HasFilter("\"Bsn\" IS NOT NULL");
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Vroegsignaalzaak>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.ClosedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.ClosedByName).HasMaxLength(Contactpoging.NameMaxLength);
            e.Property(x => x.Resultaat).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.ClosingNote).HasMaxLength(Vroegsignaalzaak.NoteMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.IsOpen);
            e.Ignore(x => x.Contactpogingen);
            // One open case per household: the rule is Join, this index holds it against two imports at once.
            e.HasIndex(x => x.HouseholdId, "IX_Vroegsignaalzaken_HouseholdId_Open").IsUnique().HasFilter("\"ClosedOn\" IS NULL");
            e.HasIndex(x => new { x.Gemeentecode, x.ClosedOn, x.DeadlineOn });
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<Contactpoging>(e =>
        {
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.Soort).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Dagdeel).HasConversion<string>().HasMaxLength(8);
            e.Property(x => x.Note).HasMaxLength(Vroegsignaalzaak.NoteMaxLength);
            e.Property(x => x.RecordedBy).HasMaxLength(RegieUser.IdMaxLength);
            e.Property(x => x.RecordedByName).HasMaxLength(Contactpoging.NameMaxLength);
            e.HasIndex(x => x.ZaakId);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });

        b.Entity<VroegsignaleringSettings>(e =>
        {
            e.HasKey(x => x.Gemeentecode);
            e.Property(x => x.Gemeentecode).HasMaxLength(4);
            e.Property(x => x.CodeGegevensleverancier).HasMaxLength(Data.VroegsignaleringSettings.TextMaxLength);
            e.Property(x => x.LeverancierNaam).HasMaxLength(Data.VroegsignaleringSettings.TextMaxLength);
            e.Property(x => x.KvkNummer).HasMaxLength(Data.VroegsignaleringSettings.KvkMaxLength);
            e.Property(x => x.ContactNaam).HasMaxLength(Data.VroegsignaleringSettings.TextMaxLength);
            e.Property(x => x.ContactTelefoon).HasMaxLength(Domain.Registry.ContactDetails.PhoneMaxLength);
            e.Property(x => x.ContactEmail).HasMaxLength(Domain.Registry.ContactDetails.EmailMaxLength);
            e.Property(x => x.ContactFunctie).HasMaxLength(Data.VroegsignaleringSettings.TextMaxLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Term);
            e.HasQueryFilter(x => x.Gemeentecode == Gemeentecode);
        });
    }
}
