using IotActors.Home.Wiring;

namespace IotActors.Hosting;

/// <summary>The node's running <see cref="SmartSite"/>, set while the node starts (for services resolved before or after).</summary>
public sealed class SmartSiteHolder
{
    private readonly TaskCompletionSource<SmartSite> _site = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The running site; throws while the node has not started it yet.</summary>
    /// <exception cref="InvalidOperationException">The smart site is not started yet.</exception>
    public SmartSite Site => _site.Task.IsCompletedSuccessfully
        ? _site.Task.Result
        : throw new InvalidOperationException("The smart site is not started yet; the node is still starting.");

    /// <summary>Whether the site runs.</summary>
    public bool IsStarted => _site.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the site runs.</summary>
    public Task<SmartSite> Started => _site.Task;

    internal void Set(SmartSite site) => _site.TrySetResult(site);
}
