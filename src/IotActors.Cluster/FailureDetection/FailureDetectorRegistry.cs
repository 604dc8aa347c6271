using System.Collections.Concurrent;

namespace IotActors.Cluster.FailureDetection;

/// <summary>One phi-accrual detector per monitored resource (e.g. a node address), created on first heartbeat.</summary>
/// <typeparam name="T">The key of a monitored resource.</typeparam>
public sealed class FailureDetectorRegistry<T>
    where T : notnull
{
    private readonly ConcurrentDictionary<T, PhiAccrualFailureDetector> _detectors = new();
    private readonly Func<PhiAccrualFailureDetector> _factory;

    /// <summary>Creates a registry whose detectors use <paramref name="time"/> and <paramref name="options"/>.</summary>
    public FailureDetectorRegistry(TimeProvider time, PhiAccrualOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        (options ?? PhiAccrualOptions.Default).Validate();
        _factory = () => new PhiAccrualFailureDetector(time, options);
    }

    /// <summary>Records a heartbeat from <paramref name="resource"/>.</summary>
    public void Heartbeat(T resource) => _detectors.GetOrAdd(resource, _ => _factory()).Heartbeat();

    /// <summary>Whether <paramref name="resource"/> is available; true for one never heard from.</summary>
    public bool IsAvailable(T resource) => !_detectors.TryGetValue(resource, out var d) || d.IsAvailable;

    /// <summary>Whether a heartbeat from <paramref name="resource"/> has been seen.</summary>
    public bool IsMonitoring(T resource) => _detectors.TryGetValue(resource, out var d) && d.IsMonitoring;

    /// <summary>The current phi of <paramref name="resource"/> (0 if not monitored).</summary>
    public double Phi(T resource) => _detectors.TryGetValue(resource, out var d) ? d.Phi() : 0.0;

    /// <summary>Stops monitoring <paramref name="resource"/>.</summary>
    public void Remove(T resource) => _detectors.TryRemove(resource, out _);

    /// <summary>Stops monitoring everything.</summary>
    public void Reset() => _detectors.Clear();
}
