namespace Regie.Web.Features.Audit;

// Reading a segment line by line, as far as it is complete.
public sealed partial class AuditJournalDrain
{
    /// <summary>
    /// Complete lines only: bytes after the last newline are a write in progress (or half a line left by a
    /// crash), and a zero byte (a file system may show zeros where a crash cut an append short; JSON never
    /// contains one) ends what can be read.
    /// </summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly MemoryStream _pending = new();
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public byte[]? Next()
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                var zero = Array.IndexOf(_buffer, (byte)0, _start, (newline >= 0 ? newline : _end) - _start);
                // Zeros left by a crash: nothing that was acknowledged follows.
                if (zero >= 0) return null;
                if (newline >= 0)
                {
                    _pending.Write(_buffer, _start, newline - _start);
                    _start = newline + 1;
                    var line = _pending.ToArray();
                    _pending.SetLength(0);
                    return line;
                }
                _pending.Write(_buffer, _start, _end - _start);
                _start = 0;
                _end = stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0) return null;
            }
        }
    }
}
