namespace Regie.Domain.Common;

/// <summary>Shortening text: for a summary line, a log excerpt or a column of fixed length.</summary>
public static class Text
{
    public const string Ellipsis = "…";

    /// <summary>
    /// <paramref name="s"/> itself when it has at most <paramref name="max"/> characters; otherwise its start and "…",
    /// at most <paramref name="max"/> characters in all, so a reader sees that it was cut. A character made of two
    /// UTF-16 units is never split.
    /// </summary>
    public static string Truncate(string s, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (s.Length <= max) return s;
        var keep = max - Ellipsis.Length;
        if (keep > 0 && char.IsHighSurrogate(s[keep - 1])) keep--;
        return s[..keep] + Ellipsis;
    }

    /// <summary>
    /// <paramref name="s"/> cut to at most <paramref name="max"/> characters without a mark: for an identifier that is
    /// stored in a column of that length and compared as stored (an ellipsis would make it another value).
    /// </summary>
    public static string Fit(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>The length a text is cut to where a timeline summary or an audit detail quotes it.</summary>
    public const int QuoteLength = 80;

    /// <summary>A text as a summary or an audit detail quotes it: cut to <see cref="QuoteLength"/>, ending in "…" when cut.</summary>
    public static string Short(string s) => Truncate(s, QuoteLength);
}
