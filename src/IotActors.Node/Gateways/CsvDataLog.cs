using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace IotActors.Node.Gateways;

/// <summary>Appends readings to CSV files in a folder, one file per UTC day, rolling to a numbered file when a file reaches its size limit.</summary>
/// <remarks>Thread-safe; a write failure is logged and does not fail the reading.</remarks>
internal sealed class CsvDataLog(string directory, long maxFileSize, TimeProvider time, ILogger logger) : IReadingSink, IDisposable
{
    private const string Header = "received_utc,source_time_utc,device,metric,value,unit,source";
    private readonly Lock _gate = new();
    private StreamWriter? _writer;
    private string? _path;
    private DateOnly _day;
    private int _part;

    /// <summary>The file currently written, or null before the first reading.</summary>
    public string? CurrentFile { get { lock (_gate) { return _path; } } }

    public ValueTask AcceptAsync(PeerReading reading)
    {
        DateTimeOffset now = time.GetUtcNow();
        string line = string.Join(',',
            now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            reading.SourceTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            Escape(reading.DeviceId), Escape(reading.Metric),
            reading.Value.ToString("R", CultureInfo.InvariantCulture),
            Escape(reading.Unit ?? ""), Escape(reading.Source));
        lock (_gate)
        {
            try
            {
                StreamWriter writer = WriterFor(DateOnly.FromDateTime(now.UtcDateTime), line.Length + 1);
                writer.WriteLine(line);
                writer.Flush();
            }
            catch (IOException ex)
            {
                GatewayLog.DataLogFailed(logger, _path ?? directory, ex);
                _writer?.Dispose();
                _writer = null;
            }
        }
        return ValueTask.CompletedTask;
    }

    private StreamWriter WriterFor(DateOnly day, int nextLength)
    {
        if (_writer is not null && day == _day && _writer.BaseStream.Length + nextLength <= maxFileSize) return _writer;
        _writer?.Dispose();
        if (day != _day) _part = 0;
        _day = day;
        Directory.CreateDirectory(directory);
        while (true)
        {
            string name = _part == 0 ? $"readings-{day:yyyy-MM-dd}.csv" : $"readings-{day:yyyy-MM-dd}.{_part}.csv";
            _path = Path.Combine(directory, name);
            var info = new FileInfo(_path);
            if (!info.Exists || info.Length + nextLength <= maxFileSize) break;
            _part++;
        }
        bool isNew = !File.Exists(_path);
        _writer = new StreamWriter(new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        if (isNew) _writer.WriteLine(Header);
        return _writer;
    }

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }
}
