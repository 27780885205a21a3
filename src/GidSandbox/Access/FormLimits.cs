using Microsoft.AspNetCore.Http.Features;

namespace GidSandbox.Access;

/// <summary>
/// The authorization server's forms (token, sign-in, authorize, introspection, revocation) are a
/// few hundred bytes: one over <see cref="MaxFormBytes"/> is HTTP 413 before anything reads it,
/// never a 500 from deep inside a form reader. The form is read here, once, so the throttle can
/// see the client_id or user name.
/// </summary>
public static class FormLimits
{
    public const int MaxFormBytes = 64 * 1024;

    private static readonly PathString[] Paths = [TokenEndpoint.Path, SignInPage.Path, AuthorizeEndpoint.Path, "/connect/introspect", "/connect/revoke"];

    private static readonly FormOptions Limits = new()
    {
        BufferBodyLengthLimit = MaxFormBytes,
        MultipartBodyLengthLimit = MaxFormBytes,
        ValueLengthLimit = MaxFormBytes,
        KeyLengthLimit = 1024,
        ValueCountLimit = 100,
    };

    public static void UseFormLimits(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (!Paths.Contains(http.Request.Path))
        {
            await next(http);
            return;
        }

        if (http.Request.ContentLength > MaxFormBytes)
        {
            await TooLargeAsync(http);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxFormBytes; // a body without Content-Length is cut off by the server as it arrives
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, Limits));
        try
        {
            if (http.Request.HasFormContentType)
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
        {
            await TooLargeAsync(http);
            return;
        }
        catch (InvalidDataException e)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"The form could not be read: {e.Message}", http.RequestAborted);
            return;
        }

        await next(http);
    });

    private static Task TooLargeAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return http.Response.WriteAsync(
            $"The form is larger than this endpoint accepts ({MaxFormBytes / 1024} KB, at most {Limits.ValueCountLimit} fields); send only the parameters it needs.",
            http.RequestAborted);
    }
}
