namespace IotActors.Node.Gateways;

/// <summary>Receives readings from the gateways; the domain layer implements it to feed its sensor actors.</summary>
public interface IReadingSink
{
    /// <summary>Takes one reading; a thrown exception is counted and reported to the peer as an error, never a crash.</summary>
    ValueTask AcceptAsync(PeerReading reading);
}
