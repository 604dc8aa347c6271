using System.Globalization;
using System.Text.Json;

namespace IotActors.Node.Gateways;

/// <summary>Decodes the gateways' JSON (UDP <c>{"type":..,"device":..,"value":..}</c>, TCP <c>{"sensor_id":..,"value":..}</c>, either signed).</summary>
/// <remarks>Pure apart from the replay guard and the clock; never throws on bad input.</remarks>
internal sealed class PeerMessageDecoder(byte[]? signingKey, ReplayGuard replayGuard, TimeProvider time, bool allowUnsigned)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };
    private const int MaxIdLength = 64;
    private const int MaxUnitLength = 16;

    public DecodedMessage Decode(ReadOnlyMemory<byte> data, string source)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(data, Options);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return DecodedMessage.Reject(RejectReason.Malformed, "not a JSON object");
            return root.TryGetProperty("sig", out _) ? DecodeSigned(root, source) : DecodeUnsigned(root, source);
        }
        catch (JsonException)
        {
            return DecodedMessage.Reject(RejectReason.Malformed, "not valid JSON");
        }
        catch (InvalidOperationException)
        {
            // JsonDocument checks UTF-8 and \u escapes inside strings only when a string is read.
            return DecodedMessage.Reject(RejectReason.Malformed, "a JSON string is not valid UTF-8 (or has a lone surrogate escape)");
        }
    }

    private DecodedMessage DecodeUnsigned(JsonElement root, string source) =>
        allowUnsigned ? DecodeBody(root, source) : DecodedMessage.Reject(RejectReason.Unsigned, "unsigned input is not allowed");

    private DecodedMessage DecodeSigned(JsonElement root, string source)
    {
        if (!TryString(root, "payload", out string? payload) || payload is null
            || !TryString(root, "sig", out string? sig) || sig is null
            || !TryString(root, "nonce", out string? nonce)
            || !TryLong(root, "ts", out long? ts) || !TryLong(root, "ctr", out long? ctr))
        {
            return DecodedMessage.Reject(RejectReason.WrongType, "signed envelope needs payload and sig strings, integer ts/ctr, string nonce");
        }
        if (nonce is { Length: < 8 or > 64 }) return DecodedMessage.Reject(RejectReason.WrongType, "nonce must be 8 to 64 characters");
        if (signingKey is null || !SignedEnvelope.Verify(signingKey, ts, nonce, ctr, payload, sig))
        {
            return DecodedMessage.Reject(RejectReason.BadSignature, signingKey is null ? "no cluster secret configured" : "signature mismatch");
        }

        using JsonDocument inner = JsonDocument.Parse(payload, Options);
        if (inner.RootElement.ValueKind != JsonValueKind.Object) return DecodedMessage.Reject(RejectReason.Malformed, "payload is not a JSON object");
        DecodedMessage body = DecodeBody(inner.RootElement, source);
        if (body.Rejection is not null) return body;
        return replayGuard.Check(body.DeviceId!, ts, nonce, ctr) is { } reason
            ? DecodedMessage.Reject(reason, reason == RejectReason.MissingField ? "signed datagrams need ts and nonce, or ctr" : "not fresh")
            : body;
    }

    private DecodedMessage DecodeBody(JsonElement root, string source)
    {
        string? device = null;
        foreach (string name in (ReadOnlySpan<string>)["device", "sensor_id"])
        {
            if (root.TryGetProperty(name, out JsonElement id))
            {
                if (id.ValueKind != JsonValueKind.String) return DecodedMessage.Reject(RejectReason.WrongType, $"{name} must be a string");
                device = id.GetString();
                break;
            }
        }
        if (string.IsNullOrEmpty(device)) return DecodedMessage.Reject(RejectReason.MissingField, "device (or sensor_id) is required");
        if (!IsValidName(device, MaxIdLength)) return DecodedMessage.Reject(RejectReason.WrongType, "device id: 1-64 letters, digits, '-', '_', '.', ':'");

        if (!TryString(root, "type", out string? type) || !TryString(root, "metric", out string? metric) || !TryString(root, "unit", out string? unit))
        {
            return DecodedMessage.Reject(RejectReason.WrongType, "type, metric and unit must be strings");
        }
        if (type == "hello") return DecodedMessage.Hello(device);
        metric = type ?? metric ?? "value";
        if (!IsValidName(metric, MaxIdLength)) return DecodedMessage.Reject(RejectReason.WrongType, "metric: 1-64 letters, digits, '-', '_', '.', ':'");
        if (unit is { Length: > MaxUnitLength }) return DecodedMessage.Reject(RejectReason.WrongType, "unit is longer than 16 characters");

        if (!root.TryGetProperty("value", out JsonElement valueElement)) return DecodedMessage.Reject(RejectReason.MissingField, "value is required");
        if (valueElement.ValueKind != JsonValueKind.Number || !valueElement.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            return DecodedMessage.Reject(RejectReason.WrongType, "value must be a finite number");
        }
        if (!TryTimestamp(root, out DateTimeOffset sourceTime)) return DecodedMessage.Reject(RejectReason.WrongType, "timestamp must be unix seconds or ISO 8601");
        return DecodedMessage.Of(new PeerReading(device, metric, value, unit, sourceTime, source));
    }

    private bool TryTimestamp(JsonElement root, out DateTimeOffset value)
    {
        value = time.GetUtcNow();
        if (!root.TryGetProperty("timestamp", out JsonElement element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double seconds) && seconds is > 0 and < 253402300799)
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
            return true;
        }
        return element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.String) return false;
        value = element.GetString();
        return true;
    }

    private static bool TryLong(JsonElement root, string name, out long? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out long number)) return false;
        value = number;
        return true;
    }

    private static bool IsValidName(string text, int maxLength) =>
        text.Length is > 0 && text.Length <= maxLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
