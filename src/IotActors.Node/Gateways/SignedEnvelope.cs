using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IotActors.Node.Gateways;

/// <summary>The signed gateway wire format: <c>{"payload":"&lt;json text&gt;","ts":..,"nonce":"..","ctr":..,"sig":"base64"}</c>.</summary>
/// <remarks>The signature is HMAC-SHA256 over <see cref="SigningInput"/> with a key derived from the cluster secret (see Gateways/README.md).</remarks>
public static class SignedEnvelope
{
    /// <summary>HKDF purpose string of the gateway signing key.</summary>
    public const string KeyPurpose = "iotactors/gateway/hmac-sha256/v1";

    /// <summary>The text that is signed: <c>iotactors-gw/1\n{ts}\n{nonce}\n{ctr}\n{payload}</c>, absent fields empty.</summary>
    public static string SigningInput(long? ts, string? nonce, long? ctr, string payload) =>
        string.Create(CultureInfo.InvariantCulture, $"iotactors-gw/1\n{ts}\n{nonce}\n{ctr}\n{payload}");

    /// <summary>The base64 signature of the given fields.</summary>
    public static string Sign(ReadOnlySpan<byte> key, long? ts, string? nonce, long? ctr, string payload) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(SigningInput(ts, nonce, ctr, payload))));

    /// <summary>A complete signed datagram as JSON text, for peers written in .NET and for tests.</summary>
    public static string Create(ReadOnlySpan<byte> key, string payload, long? ts, string? nonce, long? ctr = null)
    {
        var fields = new Dictionary<string, object?> { ["payload"] = payload };
        if (ts is not null) fields["ts"] = ts;
        if (nonce is not null) fields["nonce"] = nonce;
        if (ctr is not null) fields["ctr"] = ctr;
        fields["sig"] = Sign(key, ts, nonce, ctr, payload);
        return System.Text.Json.JsonSerializer.Serialize(fields);
    }

    /// <summary>True when <paramref name="signature"/> (base64) matches; compared in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> key, long? ts, string? nonce, long? ctr, string payload, string signature)
    {
        Span<byte> given = stackalloc byte[32];
        if (!Convert.TryFromBase64String(signature, given, out int written) || written != 32) return false;
        byte[] expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(SigningInput(ts, nonce, ctr, payload)));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
