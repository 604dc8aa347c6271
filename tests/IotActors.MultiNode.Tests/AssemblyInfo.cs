// Real node processes share 2 cores: run the multi-node test classes one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
