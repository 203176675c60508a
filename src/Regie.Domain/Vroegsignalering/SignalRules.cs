namespace Regie.Domain.Vroegsignalering;

/// <summary>
/// The limits and error codes of a vroegsignaal as a signal partner delivers it (through the API or a monthly file). The checks
/// themselves live here too, so the API, the import and the manual match read one set of rules.
/// </summary>
public static partial class SignalRules
{
    /// <summary>The partner's own reference of the signal; with the partner it identifies the signal, so a file sent twice creates nothing twice.</summary>
    public const int KenmerkMaxLength = 100;
    public const int VoorlettersMaxLength = 20;
    public const int VoorvoegselMaxLength = 20;
    public const int AchternaamMaxLength = 200;
    public const int StraatMaxLength = 200;
    public const int ToevoegingMaxLength = 4;
    public const int WoonplaatsMaxLength = 80;
    /// <summary>Arrears above this are not early signals but a debt file; above it the amount is refused as a typing error.</summary>
    public const decimal MaxBedrag = 1_000_000m;
    public const int MaxMaanden = 120;

    public const string ViaApi = "api";
    public const string ViaImport = "import";

    public const string MatchedOnBsn = "bsn";
    public const string MatchedOnNameAndAddress = "naam-adres";
    public const string MatchedByHand = "hand";
}
