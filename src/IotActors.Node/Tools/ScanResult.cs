using System.Net;

namespace IotActors.Node.Tools;

/// <summary>An open TCP port found by a scan, with the host's reverse-DNS name when it has one.</summary>
internal sealed record ScanResult(IPAddress Host, string? HostName, int Port, string Service);
