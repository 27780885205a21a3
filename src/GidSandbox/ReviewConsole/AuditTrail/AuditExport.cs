namespace GidSandbox.ReviewConsole.AuditTrail;

/// <summary>
/// A slice of the audit trail (the trail page's filter) as a CSV or NDJSON download: the API's export, fetched with the
/// reviewer's token and streamed on to the browser.
/// </summary>
public static class AuditExport
{
    public const string Path = AuditTrailPage.Path + "/export";

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/audit/export", Task<IResult> (HttpContext http) => Export(http, TrailFilter.Of(http.Request.Query), http.Request.Query["format"].ToString()))
            .DisableRequestTimeout(); // streams the whole trail, however long that takes

    /// <summary>Streams the API's export of this filter to the browser as a download, fetched with the reviewer's token.</summary>
    private static async Task<IResult> Export(HttpContext http, TrailFilter filter, string format)
    {
        var response = await ConsoleApi.Get(http, "audit/export" + filter.Query(format: format, asInstants: true));
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var errors = await ConsoleApi.Errors(response, http.RequestAborted);
                if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
                {
                    return AuditTrailPage.Refused(errors[0]);
                }

                var listed = errors.Select(e => Html.Of($"<li><strong>{e.Code}</strong>: {e.Message}</li>"));
                return ConsolePage.For("Export refused", Html.Of($"""
                    <h1>Export refused</h1>
                    <div class="error" role="alert"><p>The API refused this export:</p><ul>{listed}</ul></div>
                    <p><a href="{AuditTrailPage.Path}{filter.Query()}">Back to the audit trail</a></p>
                    """), (int)response.StatusCode);
            }
        }

        http.Response.RegisterForDispose(response);
        http.Response.Headers.CacheControl = "no-store";
        var body = await response.Content.ReadAsStreamAsync(http.RequestAborted);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "audit-trail";
        return Results.Stream(body, response.Content.Headers.ContentType?.ToString(), fileName);
    }
}
