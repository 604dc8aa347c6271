using IotActors.TestKit;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests;

[Trait("Category", "MultiNode")]
public sealed class WaitUntilTests
{
    [Fact]
    public async Task WaitUntil_returns_once_the_condition_holds()
    {
        int polls = 0;
        await MultiNodeCluster.WaitUntilAsync(() => ++polls >= 3, TimeSpan.FromSeconds(5), "third poll", TimeSpan.FromMilliseconds(1));
        polls.Should().Be(3);
    }

    [Fact]
    public async Task WaitUntil_throws_at_the_deadline_naming_the_condition_and_the_last_error()
    {
        Func<Task> act = () => MultiNodeCluster.WaitUntilAsync(
            () => Task.FromException<bool>(new IOException("endpoint down")), TimeSpan.FromMilliseconds(100), "view converges");
        (await act.Should().ThrowAsync<TestKitAssertionException>()).Which.Message.Should()
            .Contain("view converges").And.Contain("endpoint down");
    }
}
