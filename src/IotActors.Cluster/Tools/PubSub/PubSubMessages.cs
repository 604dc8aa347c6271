using IotActors.Actors;

namespace IotActors.Cluster.Tools.PubSub;

/// <summary>Subscribes <paramref name="Ref"/> to <paramref name="Topic"/> cluster-wide; the subscriber gets a <see cref="SubscribeAck"/>.</summary>
public sealed record Subscribe(string Topic, IActorRef Ref);

/// <summary>Confirms a <see cref="Subscribe"/>: later publishes on the topic reach the subscriber.</summary>
public sealed record SubscribeAck(Subscribe Subscribe);

/// <summary>Removes the subscription of <paramref name="Ref"/> to <paramref name="Topic"/>; the subscriber gets an <see cref="UnsubscribeAck"/>.</summary>
public sealed record Unsubscribe(string Topic, IActorRef Ref);

/// <summary>Confirms an <see cref="Unsubscribe"/>.</summary>
public sealed record UnsubscribeAck(Unsubscribe Unsubscribe);

/// <summary>Delivers <paramref name="Message"/> to every subscriber of <paramref name="Topic"/> in the cluster (one remote message per node).</summary>
/// <remarks>The message's type must be registered in the remoting MessageRegistry to reach other nodes.</remarks>
public sealed record Publish(string Topic, object Message);

/// <summary>Registers a local actor so <see cref="Send"/> can reach it by its path without address (<c>/user/a/b</c>).</summary>
public sealed record Put(IActorRef Ref);

/// <summary>Removes the local actor registered under <paramref name="Path"/> with <see cref="Put"/>.</summary>
public sealed record Remove(string Path);

/// <summary>Delivers <paramref name="Message"/> to one actor registered under <paramref name="Path"/>: a local one when there is one and <paramref name="LocalAffinity"/> is set, else one on any reachable node.</summary>
public sealed record Send(string Path, object Message, bool LocalAffinity = true);

/// <summary>Asks which nodes have subscribers of <paramref name="Topic"/>; answered with <see cref="TopicNodes"/>.</summary>
public sealed record GetTopicNodes(string Topic);

/// <summary>The nodes (addresses, ordinal order) that have subscribers of <paramref name="Topic"/>, as this node knows them; <paramref name="LocalSubscribers"/> counts this node's own.</summary>
public sealed record TopicNodes(string Topic, IReadOnlyList<string> Nodes, int LocalSubscribers);
