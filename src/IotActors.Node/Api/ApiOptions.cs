using System.Net;
using IotActors.Hosting;
using Microsoft.Extensions.Configuration;

namespace IotActors.Node.Api;

/// <summary>Settings of the node's HTTP API and dashboard (<c>iotactors.api</c>).</summary>
internal sealed record ApiOptions
{
    /// <summary>Whether the API runs on this node.</summary>
    public bool Enabled { get; init; }

    /// <summary>Address Kestrel binds to.</summary>
    public IPAddress Bind { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>PFX certificate for HTTPS; empty means plain HTTP.</summary>
    public string CertificateFile { get; init; } = "";

    /// <summary>Allow plain HTTP on a non-loopback address (tokens then cross the network in clear text).</summary>
    public bool AllowInsecure { get; init; }

    /// <summary>Ingest requests one source may send back to back before the rate limit applies (token bucket size).</summary>
    public double IngestBurst { get; init; } = 20;

    /// <summary>Sustained ingest requests per second and source (token bucket refill rate).</summary>
    public double IngestRatePerSecond { get; init; } = 5;

    /// <summary>Most sources with a rate-limit bucket at once; new sources beyond it are refused until buckets refill.</summary>
    public int IngestMaxSources { get; init; } = 10_000;

    /// <summary>Most readings in one <c>POST /api/sensors/batch</c>.</summary>
    public int IngestMaxBatch { get; init; } = 500;

    /// <summary>Interval of the comment line that keeps a <c>/api/events</c> stream open through proxies.</summary>
    public TimeSpan EventsHeartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Undelivered events kept per live-stream subscriber before the oldest are dropped.</summary>
    public int EventsBuffer { get; init; } = 256;

    /// <summary>How long a dashboard session cookie (for the event stream) stays valid.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Reads and validates <c>iotactors.api</c>; "auto" enables the API on nodes with role dashboard or api.</summary>
    public static ApiOptions From(IConfiguration configuration, NodeOptions node)
    {
        var api = new SettingsReader(configuration, "iotactors.api");
        string enabled = api.OneOf("enabled", "auto", "auto", "on", "off", "true", "false");
        string bindText = api.String("bind", "127.0.0.1");
        if (!IPAddress.TryParse(bindText, out IPAddress? bind))
        {
            throw new InvalidSettingException(api.KeyOf("bind"), bindText, "an IPv4 or IPv6 address such as 127.0.0.1 or 0.0.0.0");
        }

        var options = new ApiOptions
        {
            Enabled = enabled switch
            {
                "on" or "true" => true,
                "off" or "false" => false,
                _ => node.Roles.Contains("dashboard") || node.Roles.Contains("api"),
            },
            Bind = bind,
            Port = api.Int("port", 8080, 0, 65535),
            CertificateFile = api.String("tls.certificate", ""),
            AllowInsecure = api.Bool("allow-insecure", false),
            IngestBurst = api.Double("ingest.burst", 20, 1, 1_000_000),
            IngestRatePerSecond = api.Double("ingest.rate", 5, 0.001, 1_000_000),
            IngestMaxSources = api.Int("ingest.max-sources", 10_000, 1, 10_000_000),
            IngestMaxBatch = api.Int("ingest.max-batch", 500, 1, 100_000),
            EventsHeartbeat = api.Duration("events.heartbeat", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
            EventsBuffer = api.Int("events.buffer", 256, 1, 1_000_000),
            SessionLifetime = api.Duration("session-lifetime", TimeSpan.FromHours(12), TimeSpan.FromMinutes(1), TimeSpan.FromDays(30)),
        };

        if (options.Enabled && options.CertificateFile.Length == 0 && !IPAddress.IsLoopback(bind) && !options.AllowInsecure)
        {
            throw new InvalidSettingException(api.KeyOf("bind"), bindText,
                "a loopback address unless iotactors.api.tls.certificate is set or iotactors.api.allow-insecure = on (bearer tokens would cross the network in clear text)");
        }
        return options;
    }
}
