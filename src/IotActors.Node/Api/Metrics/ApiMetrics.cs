namespace IotActors.Node.Api.Metrics;

/// <summary>The API's own counters, registered once in the node's <see cref="MetricsRegistry"/>.</summary>
internal sealed class ApiMetrics(MetricsRegistry registry)
{
    public MetricCounter AuthFailures { get; } = registry.Counter("iotactors_api_auth_failures_total", "API requests refused for a missing, invalid or too weak token.", "reason");

    public MetricCounter IngestReadings { get; } = registry.Counter("iotactors_ingest_readings_total", "Readings accepted through POST /api/sensors.");

    public MetricCounter IngestRejected { get; } = registry.Counter("iotactors_ingest_rejected_total", "Ingest requests refused.", "reason");

    public MetricCounter Commands { get; } = registry.Counter("iotactors_api_commands_total", "Actuator commands sent through the API, by outcome.", "outcome");

    public MetricGauge EventSubscribers { get; } = registry.Gauge("iotactors_events_subscribers", "Open /api/events streams.");

    public MetricCounter EventsDropped { get; } = registry.Counter("iotactors_events_dropped_total", "Live events dropped because a /api/events client was too slow.");
}
