using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IotActors.TestKit.MultiNode;

/// <summary>One node of a <see cref="MultiNodeCluster"/>: a real <c>iotactors node run</c> process, its address, config, data and log.</summary>
/// <remarks>Start, stop, kill, pause and restart are safe to call from one test thread at a time.</remarks>
public sealed class ClusterNode : IDisposable
{
    private readonly MultiNodeCluster _cluster;
    private readonly object _gate = new();
    private Process? _process;
    private int _exitCode;
    private TaskCompletionSource<int> _exited = NewExit();

    internal ClusterNode(MultiNodeCluster cluster, int index, string name, IPAddress address, string? namespaceName, string directory, int logCapacity)
    {
        _cluster = cluster;
        Index = index;
        Name = name;
        Address = address;
        NamespaceName = namespaceName;
        DataDirectory = Path.Combine(directory, "data");
        ConfigPath = Path.Combine(directory, "node.conf");
        Directory.CreateDirectory(DataDirectory);
        Log = new NodeLog(Path.Combine(directory, name + ".log"), logCapacity);
    }

    /// <summary>An admin API token valid on this node (the run's token file is copied into its data directory).</summary>
    public string ApiToken => _cluster.ApiToken;

    /// <summary>1-based position in the cluster; also the last octet of <see cref="Address"/>.</summary>
    public int Index { get; }

    /// <summary>Node name (iotactors.node.name); the same across restarts.</summary>
    public string Name { get; }

    /// <summary>The node's own IPv4 address (in its namespace, or a 127.x.y.z address on loopback).</summary>
    public IPAddress Address { get; }

    /// <summary>The node's network namespace, or null in loopback mode.</summary>
    public string? NamespaceName { get; }

    /// <summary>The node's data directory; the same across restarts, so a restart is the same node with a new incarnation.</summary>
    public string DataDirectory { get; }

    /// <summary>The generated HOCON config the node runs with.</summary>
    public string ConfigPath { get; }

    /// <summary>The node's captured output (file + in-memory ring).</summary>
    public NodeLog Log { get; }

    /// <summary>The node's remoting address, iot://iotactors@ip:port.</summary>
    public string RemoteAddress => $"iot://iotactors@{Address}:{_cluster.Options.RemotePort}";

    /// <summary>Base URI of the node's REST API.</summary>
    public Uri ApiBaseUri => new($"http://{Address}:{_cluster.Options.ApiPort}/");

    /// <summary>Extra --set overrides of this node (applied at its next start).</summary>
    public IDictionary<string, string> Settings { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How many times the harness started this node's process.</summary>
    public int StartCount { get; private set; }

    /// <summary>The current (or last) process id; null before the first start.</summary>
    public int? Pid { get; private set; }

    /// <summary>What the harness last did to the process.</summary>
    public NodeProcessState State { get; private set; } = NodeProcessState.NotStarted;

    /// <summary>The kernel's view of the current process (/proc/&lt;pid&gt;/stat).</summary>
    public OsProcessState OsState => Pid is { } pid && State != NodeProcessState.NotStarted ? ProcStat.State(pid) : OsProcessState.Gone;

    /// <summary>Exit code of the last process once it exited (137 after kill -9).</summary>
    public int? ExitCode
    {
        get { lock (_gate) return State == NodeProcessState.Exited ? _exitCode : null; }
    }

    /// <summary>The command line of the next start, for diagnostics.</summary>
    public IReadOnlyList<string> CommandLine => BuildCommand();

    /// <summary>Starts the node's process (a new incarnation when it ran before); returns once the process exists.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (State is NodeProcessState.Running or NodeProcessState.Paused)
            {
                throw new MultiNodeHarnessException($"node {Name} is already running (pid {Pid}); stop or kill it first");
            }
            IReadOnlyList<string> command = BuildCommand();
            var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in command.Skip(1)) info.ArgumentList.Add(arg);
            foreach (string key in info.Environment.Keys.Where(k => k.StartsWith("IOTACTORS__", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                info.Environment.Remove(key);
            }
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) Log.Append("out", e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log.Append("err", e.Data); };
            var exited = _exited = NewExit();
            process.Exited += (_, _) => OnExited(process, exited);
            StartCount++;
            Log.Append("harness", $"==== start #{StartCount}: {string.Join(' ', command)}");
            if (!process.Start()) throw new MultiNodeHarnessException($"node {Name} did not start: {string.Join(' ', command)}");
            _process?.Dispose();
            _process = process;
            Pid = process.Id;
            State = NodeProcessState.Running;
            RunOwnership.RecordNodePid(_cluster.RunDirectory, process.Id);
            Log.Append("harness", $"==== pid {process.Id}");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
    }

    /// <summary>Stops the node gracefully with SIGTERM (resuming it first if paused); kills it when it overruns the stop timeout. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (State is NodeProcessState.NotStarted or NodeProcessState.Exited) return _exitCode;
        if (State == NodeProcessState.Paused) Resume();
        Signal(ProcessSignals.SigTerm, "SIGTERM");
        TimeSpan limit = timeout ?? _cluster.Options.StopTimeout;
        try
        {
            return await _exited.Task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.Append("harness", $"==== did not stop within {limit.TotalSeconds:0.#} s of SIGTERM; killing");
            await KillAsync().ConfigureAwait(false);
            throw new MultiNodeHarnessException($"node {Name} did not stop within {limit.TotalSeconds:0.#} s of SIGTERM (killed it); see {Log.FilePath}");
        }
    }

    /// <summary>Kills the process with SIGKILL (kill -9) and waits until it is gone; returns the exit code.</summary>
    public async Task<int> KillAsync()
    {
        if (State is NodeProcessState.NotStarted or NodeProcessState.Exited) return _exitCode;
        Signal(ProcessSignals.SigKill, "SIGKILL");
        return await _exited.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>Freezes the process with SIGSTOP (it keeps its sockets but answers nothing).</summary>
    public void Pause()
    {
        RequireState(NodeProcessState.Running, "pause");
        Signal(ProcessSignals.SigStop, "SIGSTOP");
        State = NodeProcessState.Paused;
    }

    /// <summary>Resumes a paused process with SIGCONT.</summary>
    public void Resume()
    {
        RequireState(NodeProcessState.Paused, "resume");
        Signal(ProcessSignals.SigCont, "SIGCONT");
        State = NodeProcessState.Running;
    }

    /// <summary>Stops (gracefully, or with kill -9 when <paramref name="kill"/>) and starts again: same name and data directory, new incarnation.</summary>
    public async Task RestartAsync(bool kill = false)
    {
        if (kill) await KillAsync().ConfigureAwait(false);
        else await StopAsync().ConfigureAwait(false);
        Start();
    }

    /// <summary>Waits for a log line containing <paramref name="text"/> (at or after <paramref name="after"/>); fails at once if the process exits first.</summary>
    public async Task<NodeLogLine> WaitForLogAsync(string text, TimeSpan timeout, long after = 0)
    {
        Task<int> exited = _exited.Task;
        using var stop = new CancellationTokenSource();
        Task<NodeLogLine> line = Log.WaitForAsync(text, timeout, after, stop.Token);
        if (await Task.WhenAny(line, exited).ConfigureAwait(false) == line || Log.Contains(text, after)) return await line.ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        throw new TestKitAssertionException($"node {Name} exited with code {exited.Result} before logging \"{text}\"; last lines:\n"
            + string.Join('\n', Log.Tail(15).Select(l => "  " + l.Text)));
    }

    /// <summary>Waits until the current process has exited and returns its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _exited.Task.WaitAsync(timeout);

    /// <summary>Creates a socket inside this node's network namespace (the host namespace on loopback).</summary>
    public Socket CreateSocket(SocketType type, ProtocolType protocol) =>
        NamespaceSockets.Create(NamespaceName, AddressFamily.InterNetwork, type, protocol);

    /// <summary>Kills the process if it still runs and closes the log.</summary>
    public void Dispose()
    {
        Process? process;
        lock (_gate) process = _process;
        if (process is not null && State is NodeProcessState.Running or NodeProcessState.Paused)
        {
            try
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }
        process?.Dispose();
        Log.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Address}{(NamespaceName is null ? "" : " in " + NamespaceName)}, {State}, pid {Pid})";

    /// <summary>Runs the node's CLI (<c>iotactors ARGS</c>) inside this node's namespace, e.g. against its API; waits for it to exit.</summary>
    public CliResult RunCli(params string[] args)
    {
        var command = new List<string>();
        if (NamespaceName is not null) command.AddRange(["ip", "netns", "exec", NamespaceName]);
        command.AddRange([_cluster.Options.DotnetHost, _cluster.Options.NodeDll]);
        command.AddRange(args);
        var result = CommandRunner.Run(command[0], command.Skip(1).ToList(), stdin: null);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private IReadOnlyList<string> BuildCommand()
    {
        var command = new List<string>();
        if (NamespaceName is not null) command.AddRange(["ip", "netns", "exec", NamespaceName]);
        command.AddRange([_cluster.Options.DotnetHost, _cluster.Options.NodeDll, "node", "run", "--config", ConfigPath,
            "--name", Name, "--data-dir", DataDirectory]);
        var sets = new SortedDictionary<string, string>(_cluster.Options.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in Settings) sets[key] = value;
        foreach (var (key, value) in sets) command.AddRange(["--set", $"{key}={value}"]);
        return command;
    }

    private void Signal(int signal, string name)
    {
        int pid = Pid ?? throw new MultiNodeHarnessException($"node {Name} has no process");
        Log.Append("harness", $"==== {name} to pid {pid}");
        ProcessSignals.Send(pid, signal);
    }

    private void RequireState(NodeProcessState expected, string action)
    {
        if (State != expected) throw new MultiNodeHarnessException($"cannot {action} node {Name}: it is {State}, not {expected}");
    }

    private void OnExited(Process process, TaskCompletionSource<int> exited)
    {
        process.WaitForExit(); // drains the redirected output before the exit marker
        int code = process.ExitCode;
        lock (_gate)
        {
            if (ReferenceEquals(process, _process))
            {
                _exitCode = code;
                State = NodeProcessState.Exited;
            }
        }
        Log.Append("harness", string.Create(CultureInfo.InvariantCulture, $"==== pid {process.Id} exited with code {code}"));
        exited.TrySetResult(code);
    }

    private static TaskCompletionSource<int> NewExit() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>What a CLI run of <see cref="ClusterNode.RunCli"/> printed and its exit code.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError);
