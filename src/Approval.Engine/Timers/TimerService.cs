using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.Timers;

/// <summary>
/// Runs the <see cref="TimerScheduler"/> in the background, so timers fire after a restart too, and after each round
/// folds the rows the saves appended to the tallies (<see cref="Supervision.TallyCompaction"/>).
/// </summary>
public sealed partial class TimerService(TimerScheduler scheduler, Supervision.TallyCompaction tallies, SchedulerOptions options,
    ILogger<TimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        using var tick = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                await scheduler.RunDueAsync(stoppingToken);
                await tallies.CompactAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailure(logger, ex);
            }
        } while (await tick.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Error, "The timer scheduler failed a round; it will try again")]
    private static partial void LogFailure(ILogger logger, Exception ex);
}
