using Regie.Domain.Safety;

namespace Regie.Web.Features.Meldcode;

/// <summary>When an open Meldcode track is flagged as stood still ("stilgevallen"). Per installation; checked at start-up.</summary>
public sealed class MeldcodeOptions
{
    public const string Section = "Meldcode";

    /// <summary>Days without a next step before the aandachtsfunctionaris and the team lead see the track as stood still.</summary>
    public int StuckAfterDays { get; set; } = MeldcodeRules.DefaultStuckAfterDays;

    public static string Invalid =>
        $"{Section}:{nameof(StuckAfterDays)} moet een aantal dagen van {MeldcodeRules.MinStuckAfterDays} tot en met {MeldcodeRules.MaxStuckAfterDays} zijn.";
}
