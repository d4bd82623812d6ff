using System.Buffers.Binary;
using Google.Protobuf;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// Writes the few ONNX protobuf messages a small inference graph needs, without the generated onnx.proto classes.
/// Field numbers are those of onnx/onnx.proto (IR version 8):
/// <code>
/// ModelProto         ir_version=1 producer_name=2 producer_version=3 graph=7 opset_import=8
/// OperatorSetIdProto domain=1 version=2
/// GraphProto         node=1 name=2 initializer=5 input=11 output=12
/// NodeProto          input=1 output=2 name=3 op_type=4 attribute=5 domain=7
/// AttributeProto     name=1 f=2 i=3 ints=8 type=20 (FLOAT=1 INT=2 INTS=7)
/// TensorProto        dims=1 data_type=2 float_data=4 name=8 raw_data=9 (FLOAT=1 INT8=3 INT64=7, raw data little-endian)
/// ValueInfoProto     name=1 type=2
/// TypeProto          tensor_type=1;  TypeProto.Tensor elem_type=1 shape=2
/// TensorShapeProto   dim=1;  Dimension dim_value=1 dim_param=2
/// </code>
/// </summary>
internal static class OnnxProtoWriter
{
    public const int FloatType = 1;
    public const int Int8Type = 3;
    public const int Int64Type = 7;

    public static byte[] Model(byte[] graph, int opsetVersion, string producer)
    {
        var opset = Message(w =>
        {
            w.String(1, "");
            w.Int64(2, opsetVersion);
        });
        return Message(w =>
        {
            w.Int64(1, 8);
            w.String(2, producer);
            w.String(3, "1");
            w.Message(7, graph);
            w.Message(8, opset);
        });
    }

    public static byte[] Graph(string name, IEnumerable<byte[]> nodes, IEnumerable<byte[]> initializers, IEnumerable<byte[]> inputs, IEnumerable<byte[]> outputs) =>
        Message(w =>
        {
            foreach (var node in nodes)
            {
                w.Message(1, node);
            }

            w.String(2, name);
            foreach (var tensor in initializers)
            {
                w.Message(5, tensor);
            }

            foreach (var input in inputs)
            {
                w.Message(11, input);
            }

            foreach (var output in outputs)
            {
                w.Message(12, output);
            }
        });

    public static byte[] Node(string opType, string[] inputs, string[] outputs, params byte[][] attributes) =>
        Message(w =>
        {
            foreach (var input in inputs)
            {
                w.String(1, input);
            }

            foreach (var output in outputs)
            {
                w.String(2, output);
            }

            w.String(3, outputs[0] + "_" + opType);
            w.String(4, opType);
            foreach (var attribute in attributes)
            {
                w.Message(5, attribute);
            }
        });

    /// <summary>A node of an operator set other than the standard one, e.g. ONNX Runtime's <c>com.microsoft</c>.</summary>
    public static byte[] DomainNode(string domain, string opType, string name, string[] inputs, string[] outputs) =>
        Message(w =>
        {
            foreach (var input in inputs)
            {
                w.String(1, input);
            }

            foreach (var output in outputs)
            {
                w.String(2, output);
            }

            w.String(3, name);
            w.String(4, opType);
            w.String(7, domain);
        });

    public static byte[] OperatorSet(string domain, long version) =>
        Message(w =>
        {
            w.String(1, domain);
            w.Int64(2, version);
        });

    public static byte[] IntAttribute(string name, long value) =>
        Message(w =>
        {
            w.String(1, name);
            w.Int64(3, value);
            w.Int64(20, 2);
        });

    public static byte[] IntsAttribute(string name, params long[] values) =>
        Message(w =>
        {
            w.String(1, name);
            w.PackedInt64(8, values);
            w.Int64(20, 7);
        });

    public static byte[] FloatTensor(string name, long[] dims, ReadOnlySpan<float> values)
    {
        var raw = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        }

        return Tensor(name, FloatType, dims, raw);
    }

    public static byte[] Int8Tensor(string name, long[] dims, ReadOnlySpan<sbyte> values) =>
        Tensor(name, Int8Type, dims, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>Writes a length-delimited field (bytes or a nested message) straight to <paramref name="output"/>, for
    /// messages too large to build in a buffer first.</summary>
    public static void WriteField(Stream output, int field, ReadOnlySpan<byte> payload)
    {
        WriteVarint(output, ((ulong)field << 3) | 2);
        WriteVarint(output, (ulong)payload.Length);
        output.Write(payload);
    }

    public static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }

    public static byte[] Int64Tensor(string name, long[] dims, ReadOnlySpan<long> values)
    {
        var raw = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * sizeof(long)), values[i]);
        }

        return Tensor(name, Int64Type, dims, raw);
    }

    /// <summary>A graph input or output; a dimension is either a number or a symbolic name such as <c>batch</c>.</summary>
    public static byte[] ValueInfo(string name, int elementType, params object[] dims)
    {
        var shape = Message(w =>
        {
            foreach (var dim in dims)
            {
                w.Message(1, Message(d =>
                {
                    if (dim is string symbol)
                    {
                        d.String(2, symbol);
                    }
                    else
                    {
                        d.Int64(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }));
            }
        });
        var tensorType = Message(w =>
        {
            w.Int64(1, elementType);
            w.Message(2, shape);
        });
        return Message(w =>
        {
            w.String(1, name);
            w.Message(2, Message(t => t.Message(1, tensorType)));
        });
    }

    private static byte[] Tensor(string name, int dataType, long[] dims, byte[] raw) =>
        Message(w =>
        {
            w.PackedInt64(1, dims);
            w.Int64(2, dataType);
            w.String(8, name);
            w.Bytes(9, raw);
        });

    private static byte[] Message(Action<Fields> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(new Fields(output));
        }

        return buffer.ToArray();
    }

    private readonly struct Fields(CodedOutputStream output)
    {
        public void Int64(int field, long value)
        {
            output.WriteTag(field, WireFormat.WireType.Varint);
            output.WriteInt64(value);
        }

        public void String(int field, string value)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteString(value);
        }

        public void Bytes(int field, byte[] value)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(value));
        }

        public void Message(int field, byte[] encoded) => Bytes(field, encoded);

        public void PackedInt64(int field, long[] values)
        {
            var size = values.Sum(CodedOutputStream.ComputeInt64Size);
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteLength(size);
            foreach (var value in values)
            {
                output.WriteInt64(value);
            }
        }
    }
}
