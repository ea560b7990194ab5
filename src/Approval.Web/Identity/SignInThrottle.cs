using System.Threading.RateLimiting;

namespace Approval.Web.Identity;

/// <summary>Section <c>Approval:SignIn</c>: how many sign-in attempts are allowed before callers must wait.</summary>
public sealed class SignInLimits
{
    /// <summary>Attempts (right or wrong) from one client address per minute.</summary>
    public int AttemptsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Wrong passwords for one account from one client address per <see cref="FailureWindow"/>.</summary>
    public int FailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>Wrong passwords for one account from all addresses together per <see cref="FailureWindow"/>.</summary>
    public int FailuresPerAccount { get; set; } = 100;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Who may try to sign in now (built on System.Threading.RateLimiting). Three budgets: attempts per client address,
/// wrong passwords per (account, address), and wrong passwords per account from everywhere, set much higher.
/// Whoever guesses a password from one address exhausts only their own (account, address) budget long before the
/// account's: the holder keeps signing in from their own address. Only guessing from more than
/// <see cref="SignInLimits.FailuresPerAccount"/> / <see cref="SignInLimits.FailuresPerAccountAndAddress"/> addresses
/// at once closes the account for everybody, for one window. Identity's own lockout on failure is not used: it would
/// let anyone lock any account.
/// </summary>
/// <remarks>The budgets are kept in this process's memory: with several application nodes each node counts its own.</remarks>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _attemptsPerAddress;
    private readonly PartitionedRateLimiter<string> _failuresPerPair;
    private readonly PartitionedRateLimiter<string> _failuresPerAccount;

    public SignInThrottle(SignInLimits limits)
    {
        _attemptsPerAddress = Window(limits.AttemptsPerAddressPerMinute, TimeSpan.FromMinutes(1));
        _failuresPerPair = Window(limits.FailuresPerAccountAndAddress, limits.FailureWindow);
        _failuresPerAccount = Window(limits.FailuresPerAccount, limits.FailureWindow);
    }

    /// <summary>
    /// Takes one attempt from the address's budget; null when the attempt may go ahead, else how long to wait.
    /// Unknown and existing accounts are counted alike, so a refusal says nothing about whether an account exists.
    /// </summary>
    public TimeSpan? Admit(string account, string address)
    {
        foreach (var (limiter, key, permits) in new[]
                 {
                     (_attemptsPerAddress, address, 1),
                     // Zero permits: "is anything left?" — a failure takes the permit afterwards (RecordFailure).
                     (_failuresPerPair, Pair(account, address), 0),
                     (_failuresPerAccount, account, 0),
                 })
        {
            using var lease = limiter.AttemptAcquire(key, permits);
            if (!lease.IsAcquired)
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        }
        return null;
    }

    /// <summary>Counts a wrong password (or an unknown or locked account) against the account and the address.</summary>
    public void RecordFailure(string account, string address)
    {
        _failuresPerPair.AttemptAcquire(Pair(account, address)).Dispose();
        _failuresPerAccount.AttemptAcquire(account).Dispose();
    }

    public void Dispose()
    {
        _attemptsPerAddress.Dispose();
        _failuresPerPair.Dispose();
        _failuresPerAccount.Dispose();
    }

    private static string Pair(string account, string address) => account + "\n" + address;

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
