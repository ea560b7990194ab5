using System.Security.Cryptography;
using Approval.Engine;

namespace Approval.Web.Hosting;

/// <summary>
/// File storage of uploaded materials (申报材料): the bytes live outside the database, in a directory, under their
/// SHA-256; the database keeps only the metadata (<see cref="Engine.Runtime.MaterialFile"/>).
/// </summary>
/// <remarks>
/// A client's file name never becomes part of a path: the only names on disk are hashes we computed. An upload is
/// first staged in a private temporary file, so that a file refused after reading (too large, content not matching
/// its type) leaves nothing behind. Identical content is stored once.
/// </remarks>
public sealed class MaterialStorage
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;
    public const string DefaultDirectory = "data/materials";

    private readonly string _root;
    private readonly string _incoming;

    public MaterialStorage(string root, long maxBytes)
    {
        if (maxBytes <= 0) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "Approval:Materials:MaxBytes must be positive.");
        _root = Path.GetFullPath(root);
        _incoming = Path.Combine(_root, ".incoming");
        MaxBytes = maxBytes;
    }

    /// <summary>The largest file accepted, in bytes (<c>Approval:Materials:MaxBytes</c>, default 20 MB).</summary>
    public long MaxBytes { get; }

    /// <summary>
    /// Reads <c>Approval:Materials:Directory</c> (default <c>data/materials</c>, relative to the content root) and
    /// <c>Approval:Materials:MaxBytes</c>.
    /// </summary>
    public static MaterialStorage From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Approval:Materials");
        var directory = section["Directory"] is { Length: > 0 } configured ? configured : DefaultDirectory;
        return new MaterialStorage(Path.Combine(environment.ContentRootPath, directory), section.GetValue("MaxBytes", DefaultMaxBytes));
    }

    /// <summary>
    /// Copies the content into a private temporary file, hashing and counting as it goes; refuses (400 on
    /// <paramref name="field"/>) as soon as it is larger than <see cref="MaxBytes"/>.
    /// </summary>
    public async Task<StagedMaterial> StageAsync(Stream content, string field, CancellationToken ct)
    {
        Directory.CreateDirectory(_incoming);
        var path = Path.Combine(_incoming, Guid.NewGuid().ToString("N"));
        var staged = new StagedMaterial(this, path);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long length = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > MaxBytes)
                        throw new InvalidInputException(field, $"The file is larger than the limit of {MaxBytes:N0} bytes.");
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            staged.Length = length;
            staged.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    /// <summary>Opens stored content for reading.</summary>
    /// <exception cref="FileNotFoundException">The metadata names content the store does not hold (a server fault).</exception>
    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>Whether content with this hash is stored.</summary>
    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    private string PathOf(string sha256)
    {
        // Only our own lower-case hex hashes name files; anything else is a bug, not a path to follow.
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"Not a SHA-256 in lower-case hex: '{sha256}'.", nameof(sha256));
        return Path.Combine(_root, sha256[..2], sha256);
    }

    /// <summary>An upload read into a temporary file; <see cref="Commit"/> keeps it, disposing without committing drops it.</summary>
    public sealed class StagedMaterial : IDisposable
    {
        private readonly MaterialStorage _storage;
        private readonly string _path;

        internal StagedMaterial(MaterialStorage storage, string path)
        {
            _storage = storage;
            _path = path;
        }

        public long Length { get; internal set; }
        public string Sha256 { get; internal set; } = "";

        /// <summary>Reads the staged bytes, e.g. to check what they are before keeping them.</summary>
        public Stream OpenRead() => new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);

        /// <summary>Moves the content to its place under its hash (or drops it when that content is already stored).</summary>
        public void Commit()
        {
            var target = _storage.PathOf(Sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target) ?? _storage._root);
            try
            {
                if (!File.Exists(target)) File.Move(_path, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Someone stored the same bytes at the same moment: theirs are ours.
            }
            Dispose();
        }

        public void Dispose()
        {
            try
            {
                if (File.Exists(_path)) File.Delete(_path);
            }
            catch (IOException)
            {
                // A leftover temporary file is never read; failing the request over it would help no one.
            }
        }
    }
}
