using System.Security.Cryptography;
using System.Text;

namespace Regie.Web.Features.Audit;

// The line format and its keyed check: json, tab, position, tab, check, newline.
public sealed partial class AuditJournal
{
    /// <summary><c>{json}\t{position}\t{check}\n</c>: JSON never holds a raw tab or newline, so the last two tabs end the content.</summary>
    private byte[] Line(string segment, long position, byte[] json)
    {
        var tail = Encoding.ASCII.GetBytes($"\t{position.ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{Convert.ToBase64String(Check(segment, position, json))}\n");
        var line = new byte[json.Length + tail.Length];
        json.CopyTo(line, 0);
        tail.CopyTo(line, json.Length);
        return line;
    }

    private byte[] Check(string segment, long position, ReadOnlySpan<byte> json)
    {
        Open();
        var scope = Encoding.UTF8.GetBytes($"{_id}\n{segment}\n{position.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
        var data = new byte[scope.Length + json.Length];
        scope.CopyTo(data, 0);
        json.CopyTo(data.AsSpan(scope.Length));
        return HMACSHA256.HashData(_key!, data);
    }

    /// <summary>
    /// A line of <paramref name="segment"/> as the drain read it (without its newline): its content and the position
    /// it was written at if its check holds, otherwise why not. The position is the writer's word, covered by the
    /// check; whether it fits where the line was found is the drain's to judge.
    /// </summary>
    public string? Verify(string segment, ReadOnlySpan<byte> line, out ReadOnlySpan<byte> json, out long position)
    {
        json = default;
        position = -1;
        var lastTab = line.LastIndexOf((byte)'\t');
        var firstTab = lastTab > 0 ? line[..lastTab].LastIndexOf((byte)'\t') : -1;
        if (firstTab < 0) return "zonder controlewaarde (een eerdere versie van Regie, of ingevoegd)";
        Span<byte> check = stackalloc byte[64];
        if (!long.TryParse(line[(firstTab + 1)..lastTab], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var claimed)
            || !Convert.TryFromBase64Chars(Encoding.ASCII.GetString(line[(lastTab + 1)..]), check, out var length) || length != 32)
            return "controlewaarde onleesbaar";
        if (!CryptographicOperations.FixedTimeEquals(check[..length], Check(segment, claimed, line[..firstTab])))
            return "controlewaarde klopt niet (gewijzigd, ingevoegd of uit een ander segment)";
        json = line[..firstTab];
        position = claimed;
        return null;
    }
}
