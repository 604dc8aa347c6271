namespace IotActors.Actors;

internal sealed record Create : SystemMessage { public static readonly Create Instance = new(); }
internal sealed record Terminate : SystemMessage { public static readonly Terminate Instance = new(); }
internal sealed record Recreate(Exception Cause) : SystemMessage;
internal sealed record ResumeActor : SystemMessage { public static readonly ResumeActor Instance = new(); }
internal sealed record SuspendActor : SystemMessage { public static readonly SuspendActor Instance = new(); }
internal sealed record Failed(IActorRef Child, Exception Cause, long Uid) : SystemMessage;
internal sealed record AsyncHandlerCompleted(Task Task) : SystemMessage;
