using IotActors.Hosting;
using Microsoft.Extensions.Configuration;

namespace IotActors.Node.Export;

/// <summary>Settings of the upstream HTTP export (<c>iotactors.export</c>), validated when read.</summary>
internal sealed record ExportOptions
{
    public bool Enabled { get; init; }
    public Uri? Url { get; init; }
    public int BatchSize { get; init; } = 10;
    public int Capacity { get; init; } = 100_000;
    public string OutboxPath { get; init; } = "export-outbox.db";
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);
    public double Jitter { get; init; } = 0.2;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The outbox file used when <c>outbox-file</c> is relative: inside the node's data directory.</summary>
    public static string ResolveOutbox(string outboxFile, string dataDirectory) =>
        Path.IsPathRooted(outboxFile) ? outboxFile : Path.Combine(dataDirectory, outboxFile);

    public static ExportOptions From(IConfiguration configuration, string dataDirectory)
    {
        var e = new SettingsReader(configuration, "iotactors.export");
        var d = new ExportOptions();
        bool enabled = e.Bool("enabled", d.Enabled);
        Uri? url = null;
        string rawUrl = e.String("url", "");
        if (rawUrl.Length > 0 && (!Uri.TryCreate(rawUrl, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            throw new InvalidSettingException(e.KeyOf("url"), rawUrl, "an absolute http:// or https:// URL");
        }
        if (enabled && url is null) throw new InvalidSettingException(e.KeyOf("url"), null, "a URL is required when export is enabled");
        TimeSpan min = e.Duration("min-backoff", d.MinBackoff, TimeSpan.FromMilliseconds(1));
        return new ExportOptions
        {
            Enabled = enabled,
            Url = url,
            BatchSize = e.Int("batch-size", d.BatchSize, 1, 10_000),
            Capacity = e.Int("capacity", d.Capacity, 1, 100_000_000),
            OutboxPath = ResolveOutbox(e.String("outbox-file", d.OutboxPath), dataDirectory),
            FlushInterval = e.Duration("flush-interval", d.FlushInterval),
            MinBackoff = min,
            MaxBackoff = e.Duration("max-backoff", d.MaxBackoff, min),
            Jitter = e.Double("jitter", d.Jitter, 0, 1),
            RequestTimeout = e.Duration("request-timeout", d.RequestTimeout, TimeSpan.FromMilliseconds(100)),
        };
    }
}
