namespace IotActors.Remote.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes.</summary>
public static class Await
{
    public static async Task UntilAsync(Func<bool> condition, int timeoutMs = 10_000, Func<string>? what = null)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeoutMs} ms waiting for {what?.Invoke() ?? "condition"}.");
            await Task.Delay(10);
        }
    }
}
