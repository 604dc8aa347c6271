using IotActors.Hosting;
using IotActors.Node.Export;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotActors.Node.Gateways;

/// <summary>Starts and stops the node's edge: the upstream export (when enabled) and the JSON gateways (role <c>gateway</c>), with the optional CSV log.</summary>
/// <remarks>Readings go to every <see cref="IReadingSink"/> registered in DI (the domain's), then the CSV log, then the export outbox.</remarks>
internal sealed class EdgeRuntime(
    IConfiguration configuration,
    NodeOptions node,
    RemotePeerRegistry registry,
    IEnumerable<IReadingSink> domainSinks,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];
    private readonly List<IDisposable> _owned = [];

    /// <summary>The UDP gateway, when running.</summary>
    public UdpJsonGateway? Udp { get; private set; }

    /// <summary>The TCP gateway, when running.</summary>
    public TcpJsonLinesGateway? Tcp { get; private set; }

    /// <summary>The exporter, when export is enabled.</summary>
    public HttpExporter? Exporter { get; private set; }

    /// <summary>Counters of the running gateways.</summary>
    public IEnumerable<GatewayMetrics> Metrics => new[] { Udp?.Metrics, Tcp?.Metrics }.OfType<GatewayMetrics>();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Read and validate both sections first, so a bad value stops the node before any socket opens.
        ExportOptions export = ExportOptions.From(configuration, node.DataDirectory);
        bool gatewayRole = node.Roles.Contains("gateway");
        GatewayOptions? gateway = gatewayRole ? GatewayOptions.From(configuration) : null;

        var sinks = new List<IReadingSink>(domainSinks);
        if (export.Enabled)
        {
            var outbox = new SqliteOutbox(export.OutboxPath, export.Capacity);
            _owned.Add(outbox);
            var http = new HttpClient();
            _owned.Add(http);
            Exporter = new HttpExporter(export, outbox, http, time, new Random(), loggers.CreateLogger<HttpExporter>());
            await Start(Exporter, cancellationToken).ConfigureAwait(false);
            sinks.Add(new ExportReadingSink(Exporter));
        }
        if (gateway is null) return;

        if (gateway.DataLogEnabled)
        {
            string dir = gateway.DataLogDirectory.Length > 0 ? gateway.DataLogDirectory : Path.Combine(node.DataDirectory, "gateway-log");
            var csv = new CsvDataLog(dir, gateway.DataLogMaxFileSize, time, loggers.CreateLogger<CsvDataLog>());
            _owned.Add(csv);
            sinks.Insert(domainSinks.Count(), csv);
        }
        var factory = new GatewayFactory(
            gateway, GatewaySigningKey.Load(gateway, loggers.CreateLogger<GatewayFactory>()), registry, new ReadingFanOut(sinks), time, loggers);
        if (gateway.Udp.Enabled) await Start(Udp = factory.CreateUdp(), cancellationToken).ConfigureAwait(false);
        if (gateway.Tcp.Enabled) await Start(Tcp = factory.CreateTcp(), cancellationToken).ConfigureAwait(false);
    }

    private async Task Start(IHostedService service, CancellationToken cancellationToken)
    {
        await service.StartAsync(cancellationToken).ConfigureAwait(false);
        _started.Add(service);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Gateways first (no new readings), the exporter last.
        for (int i = _started.Count - 1; i >= 0; i--) await _started[i].StopAsync(cancellationToken).ConfigureAwait(false);
        _started.Clear();
        foreach (IDisposable owned in _owned) owned.Dispose();
        _owned.Clear();
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
