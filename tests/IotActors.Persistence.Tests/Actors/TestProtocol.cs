namespace IotActors.Persistence.Tests.Actors;

public sealed record Evt(string Data);

public sealed record ListSnapshot(IReadOnlyList<string> Items);

public sealed record NotRegistered(string Data);

public sealed record Cmd(string Data);

public sealed record CmdAll(IReadOnlyList<string> Data);

public sealed record CmdAsync(string Data);

public sealed record CmdTagged(string Data, IReadOnlyList<string> Tags);

public sealed record CmdUnregistered(string Data);

public sealed record Defer(string Data);

public sealed record Ping(int N);

public sealed record Pong(int N);

public sealed record Snap;

public sealed record Delete(long ToSequenceNr);

public sealed record GetState;

public sealed record Ack(string Data, long SequenceNr);

public sealed record Deferred(string Data);

public sealed record State(IReadOnlyList<string> Items, long LastSequenceNr);

public sealed record Offered(long SequenceNr, IReadOnlyList<string> Items);

public sealed record Recovered(IReadOnlyList<string> Items, long LastSequenceNr);

public sealed record Rejected(Exception Cause, object Event, long SequenceNr);

public sealed record PersistFailed(Exception Cause, long SequenceNr);

public static class TestTypes
{
    public static PersistenceSerializer Register(PersistenceSerializer serializer) =>
        serializer.Register<Evt>("test.evt.v1").Register<ListSnapshot>("test.list-snapshot.v1");
}
