using System.Text;

namespace GbOperator.ApiServer.OpenApi;

/// <summary>A minimal protocol buffers encoder: strings, booleans and embedded messages, in field order of the calls.</summary>
internal sealed class ProtobufWriter
{
    private const int VarintWireType = 0;
    private const int LengthDelimitedWireType = 2;

    private readonly List<byte> _buffer = [];

    public ProtobufWriter String(int field, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteVarint(((ulong)field << 3) | LengthDelimitedWireType);
        WriteVarint((ulong)bytes.Length);
        _buffer.AddRange(bytes);
        return this;
    }

    public ProtobufWriter Bool(int field, bool value)
    {
        WriteVarint(((ulong)field << 3) | VarintWireType);
        WriteVarint(value ? 1UL : 0UL);
        return this;
    }

    public ProtobufWriter Message(int field, Action<ProtobufWriter> write)
    {
        var nested = new ProtobufWriter();
        write(nested);
        var bytes = nested.ToArray();
        WriteVarint(((ulong)field << 3) | LengthDelimitedWireType);
        WriteVarint((ulong)bytes.Length);
        _buffer.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => _buffer.ToArray();

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.Add((byte)value);
    }
}
