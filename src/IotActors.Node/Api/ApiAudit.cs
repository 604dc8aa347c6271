using IotActors.Home.Audit;
using IotActors.Home.Model;
using IotActors.Node.Api.Auth;
using Microsoft.Extensions.Logging;

namespace IotActors.Node.Api;

/// <summary>Writes every command and rule change made through the API to the audit trail (the API layer audits, so every <c>ISiteCommands</c> implementation is covered the same way).</summary>
/// <remarks>A failing audit store is logged and does not undo or fail the change that already happened.</remarks>
internal sealed partial class ApiAudit(IAuditLog audit, TimeProvider time, ILogger<ApiAudit> logger)
{
    public async Task WriteAsync(ApiPrincipal who, string what, string target, string outcome, string detail)
    {
        var entry = new AuditEntry(time.GetUtcNow(), who.Name, who.RoleName, what, target, outcome, detail);
        try
        {
            await audit.AppendAsync(entry).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAuditFailed(logger, ex, what, target, who.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "could not write audit entry {What} {Target} by {Who}")]
    private static partial void LogAuditFailed(ILogger logger, Exception ex, string what, string target, string who);
}
