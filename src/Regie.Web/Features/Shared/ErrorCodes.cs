namespace Regie.Web.Features.Shared;

/// <summary>Codes of rules that live in the features (the domain's codes live next to their rules).</summary>
public static class ErrorCodes
{
    public const string BsnDuplicate = "bsn-duplicate";
    public const string PossibleDuplicate = "person-possible-duplicate";
    public const string RequestInvalid = "request-invalid";
    /// <summary>A functional admin's session without two-factor sign-in, on the API (pages send it to the set-up page).</summary>
    public const string TwoFactorRequired = "two-factor-required";
    /// <summary>API status codes without a rule of their own: every error answer of the API carries a code.</summary>
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string RequestTooLarge = "request-too-large";
    public const string RateLimited = "rate-limited";
    public const string Conflict = "conflict";
    /// <summary>A save that lost to another: a stale version, or a unique value another save claimed first.</summary>
    public const string ConcurrencyConflict = "concurrency-conflict";
    public const string InternalError = "internal-error";
}
