using System.Collections.Concurrent;
using Approval.Engine.Runtime;

namespace Approval.Engine.Persistence;

/// <summary>
/// The projects this engine saved most recently, as their saves left them, so that the next command on one of them
/// can start without reading it back.
/// </summary>
/// <remarks>
/// Nothing kept here is trusted. A command begun from a kept project saves with the same guards as any other — the
/// instance's version check and the operations' unique (instance, version) index — so if another node, process or
/// engine changed the project since, its save fails as a whole and it runs again from a fresh load (see
/// <see cref="WorkflowEngine"/>); a failed save writes nothing. Only <see cref="ProjectStore"/> writes a project's
/// rows, and every save of it moves the version. The timer scheduler's claims are the one exception: they set a
/// timer's lease columns only, which no command reads; timer firings always load, and a command that moves a timer
/// writes its released claim whatever it took the claim to be.
/// <para>
/// A kept project holds what <see cref="AggregateLoader.LoadAsync"/> would read of it (its rule, in C#), so that a
/// command sees the same rows either way; a command naming a row outside that (a finished task of an earlier step)
/// finds nothing here and loads.
/// </para>
/// </remarks>
internal sealed class AggregateCache
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<Guid, Kept> _projects = new();
    // Task, timer and extension ids of kept projects → the project, for commands that name one of those.
    private readonly ConcurrentDictionary<Guid, Guid> _owners = new();
    private readonly Lock _trimming = new();
    private long _uses;
    private long _saved;
    private long _fellBack;

    public AggregateCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>How many projects are kept.</summary>
    public int Count => _projects.Count;

    /// <summary>
    /// Commands saved without a load first (from a kept project, or a filing), and commands that tried and had to
    /// load after all (a project changed elsewhere, a replay, a refusal), since the engine started.
    /// </summary>
    public (long Saved, long FellBack) Outcomes => (Interlocked.Read(ref _saved), Interlocked.Read(ref _fellBack));

    public void CountSaved() => Interlocked.Increment(ref _saved);

    /// <summary>Counts a command that began without a load and must load after all, and drops the project it began from.</summary>
    public void FellBack(Guid? instanceId)
    {
        Interlocked.Increment(ref _fellBack);
        if (instanceId is { } id) Forget(id);
    }

    /// <summary>Whether a project the key addresses is kept (the key's row among what a load would read).</summary>
    public bool Holds(AggregateKey key) => Find(key) is not null;

    /// <summary>A copy of the kept project the key addresses, attached to <paramref name="db"/>; null when there is none.</summary>
    public ProjectInstance? Take(ApprovalDbContext db, AggregateKey key)
    {
        if (Find(key) is not { } kept) return null;
        kept.LastUsed = Interlocked.Increment(ref _uses);
        return AggregateLoader.AttachCopy(db, kept.Instance);
    }

    /// <summary>
    /// Keeps a project as a command has just saved it, unless a later version is kept already. The graph is the
    /// cache's from now on: the caller must not touch it again.
    /// </summary>
    public void Keep(ProjectInstance saved)
    {
        AggregateLoader.Trim(saved);
        var kept = new Kept(saved) { LastUsed = Interlocked.Increment(ref _uses) };
        while (true)
        {
            if (_projects.TryGetValue(saved.Id, out var old))
            {
                if (old.Instance.Version >= saved.Version) return;
                if (!_projects.TryUpdate(saved.Id, kept, old)) continue;
                ForgetOwners(old);
            }
            else if (!_projects.TryAdd(saved.Id, kept))
            {
                continue;
            }
            break;
        }
        foreach (var child in ChildrenOf(saved)) _owners[child] = saved.Id;
        if (_projects.Count > _capacity) Trim();
    }

    /// <summary>Drops a project, e.g. after a command begun from it could not be saved.</summary>
    public void Forget(Guid instanceId)
    {
        if (_projects.TryRemove(instanceId, out var kept)) ForgetOwners(kept);
    }

    private Kept? Find(AggregateKey key)
    {
        var id = key.Kind == AggregateKeyKind.Instance ? key.Id : _owners.GetValueOrDefault(key.Id);
        if (!_projects.TryGetValue(id, out var kept)) return null;
        var project = kept.Instance;
        var held = key.Kind switch
        {
            AggregateKeyKind.Instance => true,
            AggregateKeyKind.Task => project.Tasks.Exists(t => t.Id == key.Id),
            AggregateKeyKind.Extension => project.Extensions.Exists(e => e.Id == key.Id),
            AggregateKeyKind.Timer => project.Timers.Exists(t => t.Id == key.Id),
            _ => false,
        };
        return held ? kept : null;
    }

    /// <summary>Drops the least recently used projects, a tenth of the capacity more than needed, so that this sort is rare.</summary>
    private void Trim()
    {
        if (!_trimming.TryEnter()) return;
        try
        {
            var excess = _projects.Count - _capacity;
            if (excess <= 0) return;
            foreach (var (id, _) in _projects.OrderBy(p => p.Value.LastUsed).Take(excess + _capacity / 10).ToList())
                Forget(id);
            // Owners left behind by saves and drops that raced each other.
            foreach (var (child, owner) in _owners)
                if (!_projects.ContainsKey(owner)) _owners.TryRemove(KeyValuePair.Create(child, owner));
        }
        finally
        {
            _trimming.Exit();
        }
    }

    private void ForgetOwners(Kept kept)
    {
        foreach (var child in ChildrenOf(kept.Instance)) _owners.TryRemove(KeyValuePair.Create(child, kept.Instance.Id));
    }

    private static IEnumerable<Guid> ChildrenOf(ProjectInstance project) =>
        project.Tasks.Select(t => t.Id).Concat(project.Timers.Select(t => t.Id)).Concat(project.Extensions.Select(e => e.Id));

    private sealed class Kept(ProjectInstance instance)
    {
        public ProjectInstance Instance { get; } = instance;
        public long LastUsed;
    }
}
