using Approval.Benchmarks.EngineLoad;
using BenchmarkDotNet.Running;

// "engine …" runs a load scenario against the whole engine; anything else goes to BenchmarkDotNet as before.
if (args is ["engine", .. var rest])
    return await EngineLoadCommand.RunAsync(rest);
if (args is ["reads", .. var readArgs])
    return await Approval.Benchmarks.Reads.ReadsCommand.RunAsync(readArgs);
if (args is ["seed", .. var seedArgs])
    return await Approval.Benchmarks.Seed.SeedCommand.RunAsync(seedArgs);

BenchmarkSwitcher.FromAssembly(typeof(Approval.Benchmarks.EngineLoad.EngineLoadCommand).Assembly).Run(args);
return 0;
