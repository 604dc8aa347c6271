using IotActors.Home.History;
using IotActors.Home.Site;
using IotActors.Node.Gateways;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Node.Api.Metrics;

/// <summary>Collectors for values other components already count: cluster members, gateway counters, history drops.</summary>
internal static class NodeMetricsCollectors
{
    public static void Register(MetricsRegistry registry, IServiceProvider services)
    {
        MetricGauge members = registry.Gauge("iotactors_cluster_members", "Cluster members by status.", "status");
        MetricGauge unreachable = registry.Gauge("iotactors_cluster_unreachable_members", "Members the failure detector currently suspects.");
        registry.AddCollector(() =>
        {
            ClusterSnapshot snapshot = services.GetRequiredService<IClusterView>().Snapshot();
            foreach (string status in new[] { "joining", "up", "leaving", "exiting", "down", "removed" })
            {
                members.Set(snapshot.Members.Count(m => m.Status == status), status);
            }
            unreachable.Set(snapshot.Members.Count(m => !m.Reachable));
        });

        MetricCounter historyDropped = registry.Counter("iotactors_history_dropped_total", "Readings the history store dropped (queue full or write failed) since start.");
        registry.AddCollector(() => historyDropped.SetTotal(services.GetService<IHistoryStore>()?.DroppedCount ?? 0));

        MetricCounter received = registry.Counter("iotactors_gateway_received_total", "Datagrams or lines a gateway received since start.", "gateway");
        MetricCounter readings = registry.Counter("iotactors_gateway_readings_total", "Readings a gateway accepted since start.", "gateway");
        MetricCounter rejected = registry.Counter("iotactors_gateway_rejected_total", "Input a gateway rejected since start, by reason.", "gateway", "reason");
        registry.AddCollector(() =>
        {
            if (services.GetService<EdgeRuntime>() is not { } edge) return;
            foreach (GatewayMetrics gateway in edge.Metrics)
            {
                received.SetTotal(gateway.Received, gateway.Name);
                readings.SetTotal(gateway.Readings, gateway.Name);
                foreach (RejectReason reason in Enum.GetValues<RejectReason>())
                {
                    rejected.SetTotal(gateway.Rejected(reason), gateway.Name, RejectReasons.WireName(reason));
                }
            }
        });
    }
}
