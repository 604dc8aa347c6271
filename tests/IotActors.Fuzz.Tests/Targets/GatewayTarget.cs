using System.Text;
using IotActors.Fuzz.Engine;
using IotActors.Node.Gateways;
using IotActors.TestKit;

namespace IotActors.Fuzz.Targets;

/// <summary>The gateway JSON decoder: UDP datagrams as they arrive, or TCP input split into lines as the JSON-lines gateway does; each also re-signed so the signed path is reached.</summary>
internal sealed class GatewayTarget : IFuzzTarget
{
    private static readonly byte[] Key = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private readonly ManualTimeProvider _time = new();
    private readonly PeerMessageDecoder _unsigned;
    private readonly PeerMessageDecoder _signed;
    private readonly bool tcpLines;
    private long _counter;

    public GatewayTarget(bool tcpLines, int replayCapacity)
    {
        this.tcpLines = tcpLines;
        _unsigned = new PeerMessageDecoder(null, new ReplayGuard(_time, TimeSpan.FromMinutes(5), replayCapacity), _time, allowUnsigned: true);
        _signed = new PeerMessageDecoder(Key, new ReplayGuard(_time, TimeSpan.FromMinutes(5), replayCapacity), _time, allowUnsigned: false);
    }

    public string Name => tcpLines ? "gateway-tcp" : "gateway-udp";

    public bool IsText => true;

    public IEnumerable<byte[]> Seeds()
    {
        string[] texts = tcpLines
            ? ["{\"sensor_id\":\"t1\",\"value\":21.5,\"unit\":\"C\"}\n", "{\"sensor_id\":\"t1\",\"value\":21.5}\r\n{\"sensor_id\":\"t2\",\"type\":\"hello\"}\n",
               "{\"sensor_id\":\"h.1\",\"metric\":\"humidity\",\"value\":40,\"timestamp\":\"2026-01-01T00:00:00Z\"}\n"]
            : ["{\"type\":\"temperature\",\"device\":\"sensor1\",\"value\":24.8}", "{\"type\":\"hello\",\"device\":\"esp32-1\"}",
               "{\"device\":\"d\",\"value\":-1e3,\"unit\":\"hPa\",\"timestamp\":1772366400}",
               SignedEnvelope.Create(Key, "{\"device\":\"s\",\"value\":1}", 1767225600, "nonce-123")];
        return texts.Select(Encoding.UTF8.GetBytes);
    }

    public FuzzOutcome Run(byte[] input)
    {
        bool accepted = false;
        if (!tcpLines) accepted = DecodeBoth(input);
        else
        {
            int start = 0;
            for (int i = 0; i < input.Length; i++)
            {
                if (input[i] != (byte)'\n') continue;
                int length = i - start;
                if (length > 0 && input[start + length - 1] == (byte)'\r') length--;
                if (length > 0) accepted |= DecodeBoth(input.AsMemory(start, length));
                start = i + 1;
            }
        }
        return accepted ? FuzzOutcome.Accepted : FuzzOutcome.Rejected;
    }

    private bool DecodeBoth(ReadOnlyMemory<byte> data)
    {
        bool accepted = Check(_unsigned.Decode(data, "fuzz"));
        // The same bytes as the payload of a correctly signed envelope reach the inner decoder.
        string payload = Encoding.UTF8.GetString(data.Span);
        byte[] signed = Encoding.UTF8.GetBytes(SignedEnvelope.Create(Key, payload, null, null, ++_counter));
        return Check(_signed.Decode(signed, "fuzz")) || accepted;
    }

    private static bool Check(DecodedMessage message)
    {
        if (message.Rejection is null && message.DeviceId is null) throw new InvalidOperationException("an accepted message must name its device");
        return message.Rejection is null;
    }
}
