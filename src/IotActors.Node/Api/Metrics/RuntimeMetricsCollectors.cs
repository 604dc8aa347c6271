using System.Runtime;

namespace IotActors.Node.Api.Metrics;

/// <summary>The node process as the .NET runtime sees it: CPU, memory, GC, JIT and thread-pool figures.</summary>
/// <remarks>The JIT counters show when a freshly started node has settled: tiered compilation keeps recompiling hot code for tens of seconds after start.</remarks>
internal static class RuntimeMetricsCollectors
{
    public static void Register(MetricsRegistry registry)
    {
        MetricCounter cpu = registry.Counter("process_cpu_seconds_total", "CPU time (user and system) this node process has used.");
        MetricGauge workingSet = registry.Gauge("process_working_set_bytes", "Physical memory of this node process.");
        MetricGauge heap = registry.Gauge("dotnet_gc_heap_size_bytes", "Bytes of the managed heap after the last collection.");
        MetricCounter collections = registry.Counter("dotnet_gc_collections_total", "Garbage collections since start, by generation.", "generation");
        MetricCounter pause = registry.Counter("dotnet_gc_pause_seconds_total", "Time the runtime was paused for garbage collection since start.");
        MetricCounter jitMethods = registry.Counter("dotnet_jit_compiled_methods_total", "Methods the JIT has compiled (including tier-up recompilations) since start.");
        MetricCounter jitTime = registry.Counter("dotnet_jit_compilation_seconds_total", "Time spent in the JIT since start.");
        MetricGauge poolThreads = registry.Gauge("dotnet_threadpool_threads", "Thread-pool threads.");
        MetricGauge poolQueue = registry.Gauge("dotnet_threadpool_queue_length", "Work items waiting in the thread pool.");
        registry.AddCollector(() =>
        {
            cpu.SetTotal(Environment.CpuUsage.TotalTime.TotalSeconds);
            workingSet.Set(Environment.WorkingSet);
            heap.Set(GC.GetGCMemoryInfo().HeapSizeBytes);
            for (int generation = 0; generation <= GC.MaxGeneration; generation++)
            {
                collections.SetTotal(GC.CollectionCount(generation), generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            pause.SetTotal(GC.GetTotalPauseDuration().TotalSeconds);
            jitMethods.SetTotal(JitInfo.GetCompiledMethodCount());
            jitTime.SetTotal(JitInfo.GetCompilationTime().TotalSeconds);
            poolThreads.Set(ThreadPool.ThreadCount);
            poolQueue.Set(ThreadPool.PendingWorkItemCount);
        });
    }
}
