using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace NatoBriefBot.Benchmarks;

/// <summary>
/// A JSON body of <c>prefix + 'x' * n + suffix</c>, <c>totalBytes</c> long, generated while it is sent (the sender
/// holds one 64 KB block, not the body), with Content-Length or chunked; each block written is reported to <c>sent</c>.
/// </summary>
internal sealed class HostileBody : HttpContent
{
    private static readonly byte[] Filler = Enumerable.Repeat((byte)'x', 64 * 1024).ToArray();

    private readonly byte[] _prefix;
    private readonly byte[] _suffix;
    private readonly long _totalBytes;
    private readonly bool _sized;
    private readonly Action<long> _sent;

    public HostileBody(string prefix, string suffix, long totalBytes, bool sized, Action<long> sent)
    {
        _prefix = Encoding.UTF8.GetBytes(prefix);
        _suffix = Encoding.UTF8.GetBytes(suffix);
        _totalBytes = totalBytes;
        _sized = sized;
        _sent = sent;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await WriteAsync(stream, _prefix, cancellationToken).ConfigureAwait(false);
        for (var left = _totalBytes - _prefix.Length - _suffix.Length; left > 0; left -= Filler.Length)
        {
            await WriteAsync(stream, Filler.AsMemory(0, (int)Math.Min(left, Filler.Length)), cancellationToken).ConfigureAwait(false);
        }

        await WriteAsync(stream, _suffix, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _sized ? _totalBytes : 0;
        return _sized;
    }

    private async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        _sent(bytes.Length);
    }
}
