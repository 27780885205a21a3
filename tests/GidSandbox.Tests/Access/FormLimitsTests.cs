using System.Net;
using System.Text;

namespace GidSandbox.Tests.Access;

/// <summary>The authorization server's forms are small; an over-long one is HTTP 413, never a 500.</summary>
[Collection(SandboxCollection.Name)]
public sealed class FormLimitsTests(SandboxFixture sandbox)
{
    private static string FiveMegabyteForm() => $"grant_type=client_credentials&client_id=office-ep&username=x&padding={new string('a', 5 * 1024 * 1024)}";

    /// <summary>A body whose length is not announced, as a chunked upload arrives.</summary>
    private sealed class Unannounced(string text) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Theory]
    [InlineData("/connect/token", true)]
    [InlineData("/account/sign-in", true)]
    [InlineData("/connect/authorize", true)]
    [InlineData("/connect/token", false)]
    [InlineData("/account/sign-in", false)]
    public async Task a_five_megabyte_form_is_refused_as_too_large(string path, bool announced)
    {
        HttpContent body = announced ? new StringContent(FiveMegabyteForm(), Encoding.ASCII) : new Unannounced(FiveMegabyteForm());
        body.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await sandbox.Host.Server.CreateClient().PostAsync(new Uri(path, UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("The form is larger than this endpoint accepts (64 KB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
