using Regie.Domain.Referrals;

namespace Regie.Web.Features.Referrals;

public sealed class ReferralInput
{
    public Guid? PersoonId { get; set; }
    public Guid? DoelId { get; set; }
    /// <summary>The social-map service; with it, service name, kind and (when linked) provider come from the social map.</summary>
    public Guid? DienstId { get; set; }
    public Guid? OrganisatieId { get; set; }
    /// <summary>The provider's name when it has no account in Regie: then only the team tracks the status.</summary>
    public string? Aanbieder { get; set; }
    public string? Dienst { get; set; }
    public string? Soort { get; set; }
    public string? Vraag { get; set; }
    public bool Toestemming { get; set; }
    public string? Opvolgdatum { get; set; }
}

public sealed class ReferralStepInput
{
    /// <summary>Geaccepteerd, Afgewezen, Gestart, Afgerond or Ingetrokken (or accepted, declined, started, finished, withdrawn).</summary>
    public string? Status { get; set; }
    public string? Reden { get; set; }
    public string? Terugkoppeling { get; set; }
    public int Versie { get; set; }
}

public sealed record ReferralStepView(ReferralStatus Status, DateTime Op, string Door, string? Organisatie, string? Toelichting);

/// <summary>A referral as the team sees it.</summary>
public sealed record ReferralView(Guid Id, Guid HouseholdId, Guid PersoonId, string Persoon, Guid? DoelId, Guid? OrganisatieId, string Aanbieder,
    bool AanbiederHeeftAccount, Guid? DienstId, string? Dienst, string? Soort, string Vraag, DateOnly Opvolgdatum, ReferralStatus Status, DateTime StatusGewijzigd,
    string? Reden, string? Terugkoppeling, string Verwijzer, bool EigenWerkgever, DateTime Verstuurd, bool TeLaat, int Versie, IReadOnlyList<ReferralStepView> Stappen);

/// <summary>
/// A referral as the provider sees it: who, how to reach them, the question and who referred. Nothing of the
/// file: no goals, no plan, no assessments, no other household members.
/// </summary>
public sealed record ProviderReferralView(Guid Id, string Persoon, DateOnly Geboortedatum, string? Telefoon, string? Email, string Adres,
    string? Dienst, string? Soort, string Vraag, DateOnly Opvolgdatum, ReferralStatus Status, string Verwijzer, string? VerwijzerEmail,
    string? Team, string? TeamTelefoon, string? TeamEmail, DateTime Verstuurd, bool TeLaat, string? Reden, string? Terugkoppeling, int Versie,
    IReadOnlyList<ReferralStepView> Stappen);

/// <summary>What the referral form is filled with from the social map.</summary>
public sealed record ReferralPrefill(Guid? DienstId, string? Dienst, string? Soort, Guid? OrganisatieId, string? HsdsOrganisatie, Guid? DoelId, Guid? PersoonId);
