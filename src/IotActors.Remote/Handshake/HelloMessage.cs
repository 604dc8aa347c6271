namespace IotActors.Remote.Handshake;

/// <summary>The first frame each side sends after TLS: who it claims to be and a fresh nonce.</summary>
internal sealed record HelloMessage(byte ProtocolVersion, string ClusterName, NodeIdentity Identity, byte[] Nonce);
