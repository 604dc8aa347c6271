using System.Diagnostics;
using System.Globalization;
using IotActors.Actors;
using IotActors.Remote;
using IotActors.Remote.Security;

namespace IotActors.Bench.Remote;

/// <summary>The echo side of remote-pingpong: the bench re-launched with <c>--serve</c>; it exits when its stdin closes.</summary>
internal static class RemotePingPongEcho
{
    private const string ReadyPrefix = "READY ";

    public static RemotingSetup Setup(string system, bool tls, ClusterSecret secret) => new(
        new RemoteTransportSettings(system, "bench") { Port = 0, TlsEnabled = tls },
        secret,
        tls ? NodeCertificate.CreateSelfSigned(system, DateTimeOffset.UtcNow) : null,
        BenchWire.Registry());

    public static Process Launch(int clients, bool tls, ClusterSecret secret)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find the bench executable to launch the echo side.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(RemotePingPongEcho).Assembly.Location);
        foreach (var a in new[] { "remote-pingpong", "--serve", "--clients", clients.ToString(CultureInfo.InvariantCulture), "--tls", tls ? "on" : "off" })
            start.ArgumentList.Add(a);
        start.Environment["IOTACTORS_CLUSTER_SECRET"] = secret.ToBase64(); // never on the command line
        return Process.Start(start) ?? throw new InvalidOperationException("The echo process did not start.");
    }

    public static async Task<int> ReadPortAsync(Process echo)
    {
        while (await echo.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
            if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal)) return int.Parse(line[ReadyPrefix.Length..], CultureInfo.InvariantCulture);
        throw new InvalidOperationException("The echo process exited before it was ready.");
    }

    public static async Task<int> ServeAsync(int clients, bool tls)
    {
        await using var system = ActorSystem.Create("echo");
        var remoting = await Remoting.StartAsync(system, Setup("echo", tls, ClusterSecret.FromEnvironment("IOTACTORS_CLUSTER_SECRET")));
        for (int i = 0; i < clients; i++) system.ActorOf(Props.Create<BenchEchoActor>(), $"echo-{i}");
        Console.WriteLine($"{ReadyPrefix}{remoting.Address.Port.ToString(CultureInfo.InvariantCulture)}");
        await Task.Run(() => Console.In.ReadToEnd());
        return 0;
    }
}
