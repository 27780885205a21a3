namespace GidSandbox.Hosting;

/// <summary>
/// A secret in a file only this account may read: created with mode 0600 (and put back to 0600 if it was loosened),
/// atomically, so two sandbox processes starting at the same moment end up with the same content.
/// </summary>
public static class PrivateFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string ReadOrCreate(string path, Func<string> generate)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var draft = $"{path}.{Environment.ProcessId}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly; // never readable by others, not even for a moment
            }

            using (var stream = new FileStream(draft, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(generate());
            }

            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft); // the other process's content stands
            }
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        return File.ReadAllText(path);
    }
}
