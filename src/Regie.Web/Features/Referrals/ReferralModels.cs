using Regie.Domain.Referrals;
using Regie.Domain.SocialMap;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Referrals;

/// <summary>A referral: who (persoonId), to whom (organisatieId, or the name of a provider without an account) and for what (dienstId, or the service in words).</summary>
public sealed class ReferralInput
{
    [Required] public Guid? PersoonId { get; set; }
    public Guid? DoelId { get; set; }
    /// <summary>The social-map service; with it, service name, kind and (when linked) provider come from the social map.</summary>
    [Description("De dienst van de sociale kaart; zonder dienstId is 'dienst' verplicht.")]
    public Guid? DienstId { get; set; }
    [Description("De aanbieder (GET /api/v1/organisations); zonder organisatieId is 'aanbieder' verplicht, tenzij de dienst aan een organisatie is gekoppeld.")]
    public Guid? OrganisatieId { get; set; }
    /// <summary>The provider's name when it has no account in Regie: then only the team tracks the status.</summary>
    [Description("De naam van een aanbieder zonder account in Regie; dan houdt alleen het team de status bij.")]
    public string? Aanbieder { get; set; }
    public string? Dienst { get; set; }
    [OneOf(typeof(ServiceKinds), nameof(ServiceKinds.Codes))] public string? Soort { get; set; }
    [Required] public string? Vraag { get; set; }
    [Required, Description("De inwoner stemt ermee in dat de vraag en de contactgegevens naar de aanbieder gaan; zonder true geen verwijzing.")]
    public bool Toestemming { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj), vandaag of later; leeg: de standaardtermijn van de gemeente.")]
    public string? Opvolgdatum { get; set; }
}

public sealed class ReferralStepInput
{
    /// <summary>Geaccepteerd, Afgewezen, Gestart, Afgerond or Ingetrokken (or accepted, declined, started, finished, withdrawn).</summary>
    [Required, OneOf(typeof(ReferralStatuses), nameof(ReferralStatuses.StepWords))]
    public string? Status { get; set; }
    [Description("Verplicht bij Afgewezen.")]
    public string? Reden { get; set; }
    [Description("Verplicht bij Afgerond: wat is er gedaan en hoe gaat het nu.")]
    public string? Terugkoppeling { get; set; }
    [Description("De versie van de verwijzing zoals u haar las; een andere geeft 409 (concurrency-conflict).")]
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
