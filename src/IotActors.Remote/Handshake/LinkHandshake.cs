using System.Buffers;
using System.Security.Cryptography;
using IotActors.Remote.Framing;
using IotActors.Remote.Security;

namespace IotActors.Remote.Handshake;

/// <summary>Runs the post-TLS mutual authentication: Hello both ways, then Auth (HMAC) both ways.</summary>
internal static class LinkHandshake
{
    /// <summary>Authenticates the peer or throws <see cref="HandshakeFailedException"/> naming the failed check.</summary>
    public static async Task<NodeIdentity> RunAsync(
        Stream stream, FrameReader reader, ClusterSecret secret, string clusterName, NodeIdentity local,
        byte[] localFingerprint, byte[] remoteFingerprint, NodeAddress? expectedPeer, CancellationToken ct)
    {
        var ownHello = new HelloMessage(HandshakeCodec.ProtocolVersion, clusterName, local, RandomNumberGenerator.GetBytes(HandshakeCodec.NonceLength));
        var output = new ArrayBufferWriter<byte>(512);
        HandshakeCodec.WriteHello(output, ownHello);
        await stream.WriteAsync(output.WrittenMemory, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);

        var helloFrame = await ReadAsync(reader, FrameType.Hello, ct).ConfigureAwait(false);
        if (!HandshakeCodec.TryParseHello(helloFrame, out var peerHello, out var error))
            throw new HandshakeFailedException(HandshakeFailure.ProtocolViolation, $"invalid hello: {error}");
        if (peerHello.ProtocolVersion != HandshakeCodec.ProtocolVersion)
            throw new HandshakeFailedException(HandshakeFailure.VersionMismatch,
                $"protocol version {peerHello.ProtocolVersion} is not supported (local {HandshakeCodec.ProtocolVersion})");
        if (!string.Equals(peerHello.ClusterName, clusterName, StringComparison.Ordinal))
            throw new HandshakeFailedException(HandshakeFailure.ClusterNameMismatch,
                $"peer belongs to cluster '{peerHello.ClusterName}', not '{clusterName}'");
        if (expectedPeer is not null && peerHello.Identity.Address != expectedPeer)
            throw new HandshakeFailedException(HandshakeFailure.UnexpectedPeer,
                $"dialled {expectedPeer} but the peer announced itself as {peerHello.Identity.Address}");

        var secretMac = HandshakeMac.Compute(secret, false, clusterName, ownHello, peerHello, localFingerprint, remoteFingerprint);
        var fullMac = HandshakeMac.Compute(secret, true, clusterName, ownHello, peerHello, localFingerprint, remoteFingerprint);
        output.ResetWrittenCount();
        FrameCodec.Write(output, FrameType.Auth, [.. secretMac, .. fullMac]);
        await stream.WriteAsync(output.WrittenMemory, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);

        var authFrame = await ReadAsync(reader, FrameType.Auth, ct).ConfigureAwait(false);
        if (!HandshakeCodec.TryParseAuth(authFrame, out var peerSecretMac, out var peerFullMac, out error))
            throw new HandshakeFailedException(HandshakeFailure.ProtocolViolation, $"invalid auth: {error}");
        var expectedSecretMac = HandshakeMac.Compute(secret, false, clusterName, peerHello, ownHello, remoteFingerprint, localFingerprint);
        if (!CryptographicOperations.FixedTimeEquals(expectedSecretMac, peerSecretMac))
            throw new HandshakeFailedException(HandshakeFailure.WrongSecret,
                "HMAC check failed: the peer does not know the cluster secret (or replayed an old handshake)");
        var expectedFullMac = HandshakeMac.Compute(secret, true, clusterName, peerHello, ownHello, remoteFingerprint, localFingerprint);
        if (!CryptographicOperations.FixedTimeEquals(expectedFullMac, peerFullMac))
            throw new HandshakeFailedException(HandshakeFailure.CertificateMismatch,
                "certificate fingerprints differ between the two ends: the TLS connection is intercepted (man in the middle)");
        return peerHello.Identity;
    }

    private static async Task<byte[]> ReadAsync(FrameReader reader, FrameType expected, CancellationToken ct)
    {
        (FrameType Type, byte[] Body)? frame;
        try
        {
            frame = await reader.ReadOneAsync(HandshakeCodec.MaxHandshakeFrame, ct).ConfigureAwait(false);
        }
        catch (FrameDecodeException e)
        {
            throw new HandshakeFailedException(HandshakeFailure.ProtocolViolation, $"bad frame during handshake: {e.Message}", e);
        }
        if (frame is null)
            throw new HandshakeFailedException(HandshakeFailure.ConnectionClosed, $"connection closed while waiting for {expected}");
        if (frame.Value.Type != expected)
            throw new HandshakeFailedException(HandshakeFailure.ProtocolViolation, $"expected a {expected} frame, got {frame.Value.Type}");
        return frame.Value.Body;
    }
}
