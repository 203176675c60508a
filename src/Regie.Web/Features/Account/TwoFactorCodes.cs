using System.Security.Cryptography;

namespace Regie.Web.Features.Account;

/// <summary>What people type as a second factor: a 6-digit authenticator code or a recovery code, with or without spaces and dash.</summary>
public static class TwoFactorCodes
{
    public static string Normalise(string? typed) => (typed ?? "").Replace(" ", "").Replace("-", "").ToUpperInvariant();

    public static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    /// <summary>Identity keeps recovery codes as XXXXX-XXXXX and matches them exactly; people type them with or without the dash.</summary>
    public static string RecoveryCode(string code) => code.Length == 10 ? $"{code[..5]}-{code[5..]}" : code;

    /// <summary>
    /// Checks a code against an authenticator key that is not (yet) the account's: the new app's, before it replaces
    /// the old one. The same rule as Identity's authenticator provider, which only checks the stored key: RFC 6238
    /// (HMAC-SHA1, 30-second steps, 6 digits), two steps either way for a phone's clock.
    /// </summary>
    public static bool MatchesKey(string base32Key, string code, DateTimeOffset now)
    {
        if (!IsAuthenticatorCode(code) || FromBase32(base32Key) is not { Length: > 0 } key) return false;
        var step = now.ToUnixTimeSeconds() / 30;
        var expected = System.Text.Encoding.ASCII.GetBytes(code);
        var match = false;
        for (var i = -2; i <= 2; i++)
            match |= CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Compute(key, step + i)), expected);
        return match;
    }

    private static string Compute(byte[] key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[]? FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            bytes.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }
        return [.. bytes];
    }
}
