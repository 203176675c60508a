using System.Globalization;

namespace Regie.Web.Features.SocialMap;

/// <summary>
/// How far an uploaded HSDS zip may expand (section <c>SocialMap</c>). A zip of a few kilobytes can unpack to
/// gigabytes; the import holds the package in memory before it checks it, so it stops reading at these limits.
/// A regional social map of thousands of services is a few megabytes of CSV: the defaults leave ample room.
/// </summary>
public sealed class SocialMapOptions
{
    public const string Section = "SocialMap";

    /// <summary>All files of one zip together, unpacked.</summary>
    public long MaxUncompressedBytes { get; set; } = 50L * 1024 * 1024;
    /// <summary>One file in the zip, unpacked.</summary>
    public long MaxZipEntryBytes { get; set; } = 25L * 1024 * 1024;
    /// <summary>Files and folders in one zip (an HSDS package has about twenty tables).</summary>
    public int MaxZipEntries { get; set; } = 200;

    /// <summary>A size as people read it: "50 MB", "977 kB", "4.000 bytes".</summary>
    public static string Size(long bytes)
    {
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        return bytes >= 1024 * 1024 ? (bytes / (1024d * 1024)).ToString("#,0.#", nl) + " MB"
            : bytes >= 1024 ? (bytes / 1024d).ToString("#,0.#", nl) + " kB"
            : bytes.ToString("#,0", nl) + " bytes";
    }
}

/// <summary>An uploaded zip that unpacks beyond <see cref="SocialMapOptions"/>: refused as a whole, nothing read from it is used.</summary>
public sealed class ZipTooLargeException(string message) : Exception(message);
