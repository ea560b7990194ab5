using Approval.Benchmarks.EngineLoad;
using BenchmarkDotNet.Running;

// "engine …" runs a load scenario against the whole engine; anything else goes to BenchmarkDotNet as before.
if (args is ["engine", .. var rest])
    return await EngineLoadCommand.RunAsync(rest);
if (args is ["seed", .. var seedArgs])
    return await Approval.Benchmarks.Seed.SeedCommand.RunAsync(seedArgs);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
