using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography;
using System.Text;

namespace Regie.Web.Features.Audit;

// The journal's directory: lock, identity, key, segments prepared ahead, and flushes of the directory itself.
public sealed partial class AuditJournal
{
    /// <summary>The journal's segment files by name, oldest first: for the drain.</summary>
    public IReadOnlyList<string> Segments()
    {
        var dir = Directory;
        if (!System.IO.Directory.Exists(dir)) return [];
        return [.. System.IO.Directory.GetFiles(dir, "*" + Extension).Select(f => System.IO.Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];
    }

    public string PathOf(string segment) => System.IO.Path.Combine(Directory, segment + Extension);

    /// <summary>Takes the directory for this process: its lock file, its identity, its key, and (on first write) a new segment.</summary>
    private void Open()
    {
        lock (_open)
        {
            if (_lock is not null) return;
            if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(Directory);
            else
            {
                System.IO.Directory.CreateDirectory(Directory, OwnerOnlyDirectory);
                Tighten(Directory);
            }
            try
            {
                _lock = new FileStream(System.IO.Path.Combine(Directory, "journal.lock"), OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"Het auditjournaal in {Directory} is in gebruik door een ander proces; geef elke server een eigen Audit:Journal:Path.", e);
            }
            // A segment being prepared when the process stopped never held an entry.
            File.Delete(NextPath);
            var idFile = System.IO.Path.Combine(Directory, "journal.id");
            if (!File.Exists(idFile)) WriteNew(idFile, Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")));
            _id = File.ReadAllText(idFile, Encoding.ASCII).Trim();
            _key = LoadKey() ?? CreateKey();
        }
    }

    /// <summary>
    /// The directory and everything in it for the service account only: what an earlier version, a restore or an
    /// operator left with wider rights is narrowed at every start.
    /// </summary>
    private static void Tighten(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(directory, OwnerOnlyDirectory);
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
                File.SetUnixFileMode(entry.FullName, entry is DirectoryInfo ? OwnerOnlyDirectory : OwnerOnlyFile);
    }

    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return options;
    }

    /// <summary>A small file written once, durably, 0600 from the moment it exists.</summary>
    private void WriteNew(string path, byte[] content)
    {
        using (var file = new FileStream(path, OwnerOnly(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }
        FlushDirectory(Directory);
    }

    /// <remarks>
    /// The key of the lines' checks is this journal's own: 32 random bytes made with the journal, kept in its directory
    /// (<see cref="KeyFile"/>) protected by ASP.NET Core Data Protection, the key ring of DataProtection:KeysPath that
    /// also protects the sign-in cookies. So it survives restarts as the key ring does, needs nothing shared between
    /// servers (each server has its own journal and its own key, and only that server drains it), and whoever can
    /// write the journal but not read the key ring cannot make a line that passes. A key file that cannot be read any
    /// more (the key ring lost or replaced, the file changed) is set aside and a new key made: the lines waiting under
    /// the old key are then reported by the drain, not chained, and nothing is lost in silence.
    /// </remarks>
    private byte[]? LoadKey()
    {
        var path = System.IO.Path.Combine(Directory, KeyFile);
        if (!File.Exists(path)) return null;
        try
        {
            var key = Convert.FromBase64String(KeyProtector.Unprotect(File.ReadAllText(path, Encoding.ASCII).Trim()));
            if (key.Length == 32) return key;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            log.LogError(e, "Audit journal key in {Directory} cannot be read; a new key is made and lines written under the old one will be reported, not chained", Directory);
        }
        File.Move(path, path + ".onleesbaar-" + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }

    private byte[] CreateKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        WriteNew(System.IO.Path.Combine(Directory, KeyFile), Encoding.ASCII.GetBytes(KeyProtector.Protect(Convert.ToBase64String(key))));
        return key;
    }

    private IDataProtector KeyProtector => protection.CreateProtector("Regie.AuditJournal.LineKey");

    private Microsoft.Win32.SafeHandles.SafeFileHandle Segment()
    {
        if (_segment is not null) return _segment;
        Open();
        // Never appended to after a restart: a segment left by a crash may end in half a line that no one was ever told was written.
        // Named after the clock, but always after every segment already there, so the order holds if the clock goes back.
        var ticks = DateTime.UtcNow.Ticks;
        if (Segments().LastOrDefault() is { } last && long.TryParse(last, out var previous) && previous >= ticks) ticks = previous + 1;
        var name = ticks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        // The next segment is made ready in the background while this one fills (see Prepare); only the very first waits for it.
        var next = _next;
        _next = null;
        Microsoft.Win32.SafeHandles.SafeFileHandle? segment = null;
        if (next is not null)
        {
            try { segment = next.GetAwaiter().GetResult(); }
            catch (IOException) { segment = null; }
        }
        segment ??= Prepare();
        // Until this rename is on disk the segment is not part of the journal: the directory is flushed before any entry in it counts.
        File.Move(NextPath, PathOf(name));
        FlushDirectory(Directory);
        _segment = segment;
        _position = 0;
        _current = name;
        _next = Task.Run(Prepare);
        return segment;
    }

    private string NextPath => System.IO.Path.Combine(Directory, "segment.next");

    /// <summary>
    /// A segment written full of zeros before it is used, as PostgreSQL does with its WAL: a flush then writes
    /// the data only, not the file's new length and blocks too — here that doubled the look-ups per second. Done
    /// off the writer's path, because writing a whole segment at once stalled every look-up waiting behind it.
    /// The zeros after the last line end what the drain reads (JSON never contains a zero byte).
    /// </summary>
    private Microsoft.Win32.SafeHandles.SafeFileHandle Prepare()
    {
        var handle = File.OpenHandle(NextPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        // Inside a directory only the service account can enter; narrowed before any entry can be in it.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(handle, OwnerOnlyFile);
        var zeros = new byte[1024 * 1024];
        for (long at = 0; at < options.SegmentBytes + zeros.Length; at += zeros.Length) RandomAccess.Write(handle, zeros, at);
        RandomAccess.FlushToDisk(handle);
        return handle;
    }

    /// <summary>
    /// Makes a rename in the directory durable (fsync on the directory). .NET has no call for it, so this is the
    /// small piece written here: POSIX open, fsync and close. Elsewhere than Linux and macOS it is left to the file system.
    /// </summary>
    private static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var fd = Posix.open(directory, 0);
        if (fd < 0) throw new IOException($"Map {directory} kon niet worden geopend om te flushen (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Posix.fsync(fd) != 0) throw new IOException($"Map {directory} kon niet worden geflusht (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Posix.close(fd);
        }
    }

    private static class Posix
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        internal static extern int open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        internal static extern int fsync(int fd);

        [System.Runtime.InteropServices.DllImport("libc")]
        internal static extern int close(int fd);
    }
}
