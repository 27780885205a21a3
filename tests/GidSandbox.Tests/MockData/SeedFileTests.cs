using System.Text;
using GidSandbox.MockData;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace GidSandbox.Tests.MockData;

[Collection(SandboxCollection.Name)]
public sealed class SeedFileTests(SandboxFixture sandbox)
{
    private static readonly byte[] GoodLine = Encoding.UTF8.GetBytes("""{"type":"acceptTermsOfUse","office":"EP"}""" + "\n");

    private static readonly byte[] BeforeBadByte = Encoding.UTF8.GetBytes("""{"type":"registerLegalEntity","office":"EP","legalEntity":{"names":[{"text":"M""");

    // A registration whose name has a byte that is not UTF-8 (0xFF) where "Müller" has its ü.
    private static byte[] BadFile() =>
        [.. GoodLine, .. BeforeBadByte, 0xFF, .. Encoding.UTF8.GetBytes("""ller GmbH","script":"Latn"}],"country":"DE"}}""" + "\n")];

    private static string Write(byte[] content, string name = "identities.ndjson")
    {
        var directory = Path.Combine(Path.GetTempPath(), $"gid-seed-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void a_byte_that_is_not_utf8_is_located_by_file_line_column_and_byte()
    {
        var path = Write(BadFile());

        Assert.Equal(
            $"{path}:2:{BeforeBadByte.Length + 1} (byte {GoodLine.Length + BeforeBadByte.Length}, 0xFF): not UTF-8. Nothing of this file was loaded; save it as UTF-8 and load it again.",
            MockDataFiles.InvalidUtf8(path));
    }

    [Fact]
    public void a_character_cut_off_at_the_end_of_the_file_is_not_utf8_either()
    {
        var path = Write([.. GoodLine, (byte)'x', 0xE2, 0x82]);

        Assert.StartsWith($"{path}:2:2 (byte {GoodLine.Length + 1}, 0xE2): not UTF-8.", MockDataFiles.InvalidUtf8(path), StringComparison.Ordinal);
    }

    [Fact]
    public void utf8_text_in_any_script_with_or_without_a_byte_order_mark_passes()
    {
        Assert.Null(MockDataFiles.InvalidUtf8(Write([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Иван 株式会社 𠮷野家 محمد\n")])));
        Assert.Null(MockDataFiles.InvalidUtf8(Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Müller 株式会社\n", 20_000))))));
    }

    [Fact]
    public async Task seeding_a_file_that_is_not_utf8_fails_before_anything_is_stored()
    {
        var path = Write(BadFile());
        var streams = await sandbox.CountStreams();
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();

        var seeded = await new SeedCommand().Execute(new SeedInput { Source = path });
        var loading = await Assert.ThrowsAsync<InvalidDataException>(() => new MockDataLoader(store).LoadFileAsync(path));

        Assert.False(seeded);
        Assert.StartsWith($"{path}:2:{BeforeBadByte.Length + 1} ", loading.Message, StringComparison.Ordinal);
        Assert.Equal(streams, await sandbox.CountStreams());
    }
}
