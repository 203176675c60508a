namespace Regie.Domain.Coordination;

/// <summary>
/// Who pays a team member's salary. The CPB (2019) found more referrals where teams include provider
/// staff; recording the employer makes referrals and decisions towards one's own employer visible.
/// Stored by name.
/// </summary>
public enum EmployerKind
{
    /// <summary>In the municipality's own service.</summary>
    Gemeente,
    /// <summary>Employed by the team's own organisation (e.g. a foundation for social work that runs the teams).</summary>
    EigenOrganisatie,
    /// <summary>Seconded (gedetacheerd) by a care provider that also delivers support.</summary>
    Aanbieder,
}

public static class Employment
{
    public static string Label(EmployerKind kind) => kind switch
    {
        EmployerKind.Gemeente => "Gemeente",
        EmployerKind.EigenOrganisatie => "Eigen organisatie van het team",
        _ => "Gedetacheerd door een aanbieder",
    };

    /// <summary>
    /// A referral or decision is towards the professional's own employer when the provider is the
    /// organisation that employs them. Unknown on either side is not a conflict: it cannot be shown.
    /// </summary>
    public static bool IsOwnEmployer(Guid? employerOrganisationId, Guid? providerOrganisationId) =>
        employerOrganisationId is { } employer && providerOrganisationId is { } provider && employer == provider;

    /// <summary>Staff not paid by a provider of support: the comparison group for the conflict-of-interest figures.</summary>
    public static bool IsIndependent(EmployerKind? kind) => kind is EmployerKind.Gemeente or EmployerKind.EigenOrganisatie;

    public const string EmployerOrganisationRequiredCode = "employer-organisation-required";

    /// <summary>Seconded staff must name the provider; otherwise their referrals to it cannot be recognised.</summary>
    public static Common.DomainError? Check(EmployerKind? kind, Guid? employerOrganisationId) =>
        kind == EmployerKind.Aanbieder && employerOrganisationId is null
            ? new Common.DomainError(EmployerOrganisationRequiredCode, "Werkgever", "Kies de aanbieder die deze medewerker detacheert.")
            : null;
}
