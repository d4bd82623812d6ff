using System.Buffers.Binary;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// Dynamic int8 quantization of a transformer's weight matrices, done in memory when the model loads. Every
/// <c>MatMul</c> whose second input is a float [K, N] initializer becomes ONNX Runtime's <c>DynamicQuantizeMatMul</c>
/// (operator set <c>com.microsoft</c>): the weights are stored as int8 with one scale per output column
/// (symmetric, scale = max |w| / 127, or / 63 where the CPU's integer products would saturate: <see cref="WeightLevels"/>),
/// and the activations are quantized to uint8 on each call. Integer matrix products
/// (VNNI on x86) take well under half the time of float ones; on the seed briefings the sentence vectors keep a cosine
/// of at least 0.998 with the float model's. Everything else (embeddings, layer norms, attention) stays float.
/// </summary>
internal static class OnnxInt8Quantizer
{
    private const string Domain = "com.microsoft";
    private const string QuantizedMatMul = "DynamicQuantizeMatMul";

    /// <summary>
    /// The largest weight value: 127 where integer products are exact, 63 (seven bits, ONNX Runtime's "reduce range") on
    /// x86 without AVX-VNNI. There the product kernel adds pairs of uint8 × int8 products in 16 bits, which saturate with
    /// full-range weights (2 × 255 × 127 > 32,767) and bend the vectors (a cosine of 0.992 to the float model's instead of
    /// 0.998); with seven bits they cannot (2 × 255 × 63 &lt; 32,767).
    /// </summary>
    internal static readonly float WeightLevels =
        System.Runtime.Intrinsics.X86.X86Base.IsSupported && !System.Runtime.Intrinsics.X86.AvxVnni.IsSupported ? 63f : 127f;

    /// <summary>Smallest weight matrix worth quantizing; smaller ones cost more in quantizing activations than they save.</summary>
    private const int MinWeights = 4096;

    // onnx.proto field numbers (see OnnxProtoWriter).
    private const int ModelGraph = 7, ModelOpset = 8;
    private const int GraphNode = 1, GraphInitializer = 5, GraphInput = 11;
    private const int NodeInput = 1, NodeOutput = 2, NodeName = 3, NodeOpType = 4, NodeDomain = 7;
    private const int TensorDims = 1, TensorDataType = 2, TensorName = 8, TensorRawData = 9;
    private const int ValueInfoName = 1;

    /// <summary>The model with its MatMul weights quantized, and how many were.</summary>
    public static (byte[] Model, int Quantized) Quantize(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modelFields = OnnxProtoReader.Fields(model);
        var graphField = modelFields.FirstOrDefault(f => f.Number == ModelGraph && f.WireType == 2);
        if (graphField.End == 0)
        {
            return (model, 0);
        }

        var graph = graphField.Payload(model);
        var graphFields = OnnxProtoReader.Fields(graph);
        var weights = FindWeights(graph, graphFields);
        if (weights.Count == 0)
        {
            return (model, 0);
        }

        // Each graph field is kept as it is or replaced by new ones; the sizes are known first, so the model is written once,
        // into an array of exactly its size (every spare copy of a model this large stays in memory until a full collection).
        var replacements = new byte[graphFields.Count][][];
        var graphLength = 0L;
        for (var i = 0; i < graphFields.Count; i++)
        {
            var field = graphFields[i];
            if (field.Number == GraphNode && RewriteNode(graph, field, weights) is { } node)
            {
                replacements[i] = [node];
            }
            else if (field.Number == GraphInitializer && weights.TryGetValue(TensorNameOf(graph, field), out var weight))
            {
                replacements[i] = [weight.Int8, weight.Scales];
            }

            graphLength += replacements[i] is { } fields ? fields.Sum(f => FieldLength(field.Number, f.Length)) : field.End - field.Start;
        }

        var opset = OnnxProtoWriter.OperatorSet(Domain, 1);
        var result = new byte[modelFields.Where(f => f.Number != ModelGraph).Sum(f => (long)(f.End - f.Start))
            + FieldLength(ModelGraph, graphLength) + FieldLength(ModelOpset, opset.Length)];
        using var output = new MemoryStream(result);
        foreach (var field in modelFields)
        {
            if (field.Number != ModelGraph)
            {
                output.Write(field.Raw(model));
                continue;
            }

            OnnxProtoWriter.WriteVarint(output, ((ulong)ModelGraph << 3) | 2);
            OnnxProtoWriter.WriteVarint(output, (ulong)graphLength);
            for (var i = 0; i < graphFields.Count; i++)
            {
                if (replacements[i] is { } fields)
                {
                    foreach (var replacement in fields)
                    {
                        OnnxProtoWriter.WriteField(output, graphFields[i].Number, replacement);
                    }
                }
                else
                {
                    output.Write(graphFields[i].Raw(graph));
                }
            }
        }

        OnnxProtoWriter.WriteField(output, ModelOpset, opset);
        return (result, weights.Count);
    }

    /// <summary>Bytes of a length-delimited field: tag, length and content.</summary>
    private static long FieldLength(int field, long payload) => VarintLength((ulong)field << 3) + VarintLength((ulong)payload) + payload;

    private static int VarintLength(ulong value)
    {
        var bytes = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            bytes++;
        }

        return bytes;
    }

    /// <summary>The float [K, N] initializers that only MatMul nodes read, as their second input, quantized.</summary>
    private static Dictionary<string, QuantizedWeight> FindWeights(ReadOnlySpan<byte> graph, List<ProtoField> graphFields)
    {
        var asWeight = new HashSet<string>(StringComparer.Ordinal);
        var otherUse = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in graphFields)
        {
            if (field.Number == GraphInput)
            {
                otherUse.Add(NameOf(field.Payload(graph), ValueInfoName));
            }
            else if (field.Number == GraphNode)
            {
                var node = NodeView.Read(field.Payload(graph));
                for (var i = 0; i < node.Inputs.Count; i++)
                {
                    (node.IsMatMul && i == 1 ? asWeight : otherUse).Add(node.Inputs[i]);
                }
            }
        }

        var weights = new Dictionary<string, QuantizedWeight>(StringComparer.Ordinal);
        foreach (var field in graphFields)
        {
            if (field.Number != GraphInitializer)
            {
                continue;
            }

            var tensor = field.Payload(graph);
            var name = NameOf(tensor, TensorName);
            if (!asWeight.Contains(name) || otherUse.Contains(name))
            {
                continue;
            }

            var tensorFields = OnnxProtoReader.Fields(tensor);
            var dims = OnnxProtoReader.Int64s(tensor, tensorFields.Where(f => f.Number == TensorDims));
            var raw = tensorFields.FirstOrDefault(f => f.Number == TensorRawData && f.WireType == 2);
            var isFloat = tensorFields.Any(f => f.Number == TensorDataType && f.Varint == OnnxProtoWriter.FloatType);
            if (isFloat && dims.Count == 2 && raw.End != 0 && dims[0] * dims[1] >= MinWeights
                && raw.Payload(tensor).Length == dims[0] * dims[1] * sizeof(float))
            {
                weights[name] = QuantizedWeight.Of(name, (int)dims[0], (int)dims[1], raw.Payload(tensor));
            }
        }

        return weights;
    }

    /// <summary>The DynamicQuantizeMatMul replacing a MatMul of a quantized weight; null for any other node.</summary>
    private static byte[]? RewriteNode(ReadOnlySpan<byte> graph, ProtoField field, Dictionary<string, QuantizedWeight> weights)
    {
        var node = NodeView.Read(field.Payload(graph));
        if (!node.IsMatMul || node.Inputs.Count != 2 || !weights.TryGetValue(node.Inputs[1], out var weight))
        {
            return null;
        }

        return OnnxProtoWriter.DomainNode(
            Domain, QuantizedMatMul, (node.Name ?? node.Outputs[0]) + "_int8", [node.Inputs[0], weight.Int8Name, weight.ScalesName], [.. node.Outputs]);
    }

    /// <summary>The first string field <paramref name="number"/> of a message (a tensor's or value's name), or empty.</summary>
    private static string NameOf(ReadOnlySpan<byte> message, int number)
    {
        foreach (var field in OnnxProtoReader.Fields(message))
        {
            if (field.Number == number && field.WireType == 2)
            {
                return field.String(message);
            }
        }

        return string.Empty;
    }

    /// <summary>What the quantizer needs of a NodeProto.</summary>
    private sealed record NodeView(string OpType, string Domain, string? Name, List<string> Inputs, List<string> Outputs)
    {
        public bool IsMatMul => OpType == "MatMul" && Domain.Length == 0;

        public static NodeView Read(ReadOnlySpan<byte> node)
        {
            string opType = string.Empty, domain = string.Empty;
            string? name = null;
            List<string> inputs = [], outputs = [];
            foreach (var field in OnnxProtoReader.Fields(node))
            {
                switch (field.Number)
                {
                    case NodeInput: inputs.Add(field.String(node)); break;
                    case NodeOutput: outputs.Add(field.String(node)); break;
                    case NodeName: name = field.String(node); break;
                    case NodeOpType: opType = field.String(node); break;
                    case NodeDomain: domain = field.String(node); break;
                }
            }

            return new NodeView(opType, domain, name, inputs, outputs);
        }
    }

    private static string TensorNameOf(ReadOnlySpan<byte> graph, ProtoField initializer) => NameOf(initializer.Payload(graph), TensorName);

    /// <summary>A weight matrix as int8 values and one float scale per column, both as TensorProto bytes.</summary>
    private sealed record QuantizedWeight(string Int8Name, string ScalesName, byte[] Int8, byte[] Scales)
    {
        public static QuantizedWeight Of(string name, int rows, int columns, ReadOnlySpan<byte> raw)
        {
            var scales = new float[columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    scales[c] = Math.Max(scales[c], Math.Abs(Read(raw, (r * columns) + c)));
                }
            }

            for (var c = 0; c < columns; c++)
            {
                scales[c] = scales[c] > 0 ? scales[c] / WeightLevels : 1f;
            }

            var values = new sbyte[rows * columns];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (sbyte)Math.Clamp(MathF.Round(Read(raw, i) / scales[i % columns]), -WeightLevels, WeightLevels);
            }

            var int8Name = name + "_int8";
            var scalesName = name + "_scale";
            return new QuantizedWeight(int8Name, scalesName,
                OnnxProtoWriter.Int8Tensor(int8Name, [rows, columns], values),
                OnnxProtoWriter.FloatTensor(scalesName, [columns], scales));
        }

        private static float Read(ReadOnlySpan<byte> raw, int index) => BinaryPrimitives.ReadSingleLittleEndian(raw[(index * sizeof(float))..]);
    }
}
