using System.Buffers;

namespace IotActors.Remote.Transport;

/// <summary>An <see cref="IBufferWriter{T}"/> over a fixed array, for small frames of known size.</summary>
internal sealed class ArrayBufferWriterAdapter(byte[] target) : IBufferWriter<byte>
{
    private int _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => target.AsMemory(_written);

    public Span<byte> GetSpan(int sizeHint = 0) => target.AsSpan(_written);
}
