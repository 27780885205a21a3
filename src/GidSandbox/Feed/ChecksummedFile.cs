using System.Security.Cryptography;
using System.Text;

namespace GidSandbox.Feed;

/// <summary>
/// An NDJSON file written line by line with its SHA-256 beside it (<c>name.sha256</c>, in the
/// format <c>sha256sum -c</c> checks), so a receiving office can prove it got every byte.
/// </summary>
public sealed class ChecksummedFile : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly string _path;

    public ChecksummedFile(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        _path = System.IO.Path.Combine(directory, name);
        _file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
    }

    public string Path => _path;

    public long Lines { get; private set; }

    public string? Sha256 { get; private set; }

    public async Task WriteLineAsync(string json, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(json + "\n");
        _hash.AppendData(bytes);
        await _file.WriteAsync(bytes, ct);
        Lines++;
    }

    public async ValueTask DisposeAsync()
    {
        await _file.FlushAsync();
        await _file.DisposeAsync();
        Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        await File.WriteAllTextAsync(_path + ".sha256", $"{Sha256}  {System.IO.Path.GetFileName(_path)}\n");
        _hash.Dispose();
    }
}
