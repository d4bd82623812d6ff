namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>One field of a protobuf message: its number, wire type, and where it lies in the message's bytes.</summary>
/// <param name="Number">Field number (onnx.proto's, see <see cref="OnnxProtoWriter"/>).</param>
/// <param name="WireType">0 varint, 1 fixed64, 2 length-delimited, 5 fixed32.</param>
/// <param name="Varint">The value of a varint field.</param>
/// <param name="Start">Offset of the field's tag.</param>
/// <param name="End">Offset just past the field.</param>
/// <param name="PayloadStart">Offset of a length-delimited field's content (after tag and length).</param>
internal readonly record struct ProtoField(int Number, int WireType, ulong Varint, int Start, int End, int PayloadStart)
{
    /// <summary>The whole field, tag included, for copying it unchanged.</summary>
    public ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> message) => message[Start..End];

    /// <summary>The content of a length-delimited field (a string, bytes, a packed array or a nested message).</summary>
    public ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> message) => message[PayloadStart..End];

    public string String(ReadOnlySpan<byte> message) => System.Text.Encoding.UTF8.GetString(Payload(message));
}

/// <summary>
/// Reads protobuf messages field by field without generated classes and without copying: enough to walk an ONNX
/// model (hundreds of megabytes at most) and rewrite parts of it.
/// </summary>
internal static class OnnxProtoReader
{
    /// <exception cref="BriefBotException">The bytes are not a well-formed protobuf message.</exception>
    public static List<ProtoField> Fields(ReadOnlySpan<byte> message)
    {
        var fields = new List<ProtoField>();
        var at = 0;
        while (at < message.Length)
        {
            var start = at;
            var tag = ReadVarint(message, ref at);
            var wireType = (int)(tag & 7);
            var number = (int)(tag >> 3);
            ulong value = 0;
            var payload = at;
            switch (wireType)
            {
                case 0:
                    value = ReadVarint(message, ref at);
                    break;
                case 1:
                    at += 8;
                    break;
                case 2:
                    var length = ReadVarint(message, ref at);
                    payload = at;
                    at = checked(at + (int)length);
                    break;
                case 5:
                    at += 4;
                    break;
                default:
                    throw Malformed($"wire type {wireType} of field {number}");
            }

            if (at > message.Length || number == 0)
            {
                throw Malformed($"field {number} runs past the end");
            }

            fields.Add(new ProtoField(number, wireType, value, start, at, payload));
        }

        return fields;
    }

    /// <summary>The values of a repeated int64 field, packed or not.</summary>
    public static List<long> Int64s(ReadOnlySpan<byte> message, IEnumerable<ProtoField> fields)
    {
        var values = new List<long>();
        foreach (var field in fields)
        {
            if (field.WireType == 0)
            {
                values.Add((long)field.Varint);
                continue;
            }

            var packed = field.Payload(message);
            for (var at = 0; at < packed.Length;)
            {
                values.Add((long)ReadVarint(packed, ref at));
            }
        }

        return values;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw Malformed("a number runs past the end");
            }

            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Malformed("a number is longer than 10 bytes");
    }

    private static BriefBotException Malformed(string what) =>
        new($"The ONNX model is not a valid protobuf file ({what}). Download the model again, or set Embedding:Provider to Hashing.");
}
