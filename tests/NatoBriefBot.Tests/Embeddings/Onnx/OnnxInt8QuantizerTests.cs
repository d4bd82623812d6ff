using Microsoft.ML.OnnxRuntime;
using NatoBriefBot.Core.Embeddings.Onnx;

namespace NatoBriefBot.Tests.Embeddings.Onnx;

public class OnnxInt8QuantizerTests(TinyBertFixture fixture) : IClassFixture<TinyBertFixture>
{
    private const int Inner = 64;
    private const int Columns = 96;

    [Fact]
    public void Quantize_MatMulOfWeightMatrix_RunsAsInt8AndStaysCloseToFloat()
    {
        var model = MatMulModel(out var weights);
        var input = Enumerable.Range(0, 3 * Inner).Select(i => MathF.Sin(i * 0.37f)).ToArray();

        var (quantized, count) = OnnxInt8Quantizer.Quantize(model);

        Assert.Equal(1, count);
        Assert.True(quantized.Length < model.Length / 2, $"{quantized.Length} of {model.Length} bytes");
        var exact = Run(model, input);
        var approximate = Run(quantized, input);
        var tolerance = weights.Max(MathF.Abs) * input.Sum(MathF.Abs) / 3 / 100;
        Assert.All(exact.Zip(approximate), pair => Assert.Equal(pair.First, pair.Second, tolerance));
    }

    [Fact]
    public void Quantize_ModelWithoutWeightMatrices_LeavesItAsItIs()
    {
        var model = File.ReadAllBytes(Path.Combine(fixture.Model.Folder, TinyBertModel.ModelFileName));

        var (quantized, count) = OnnxInt8Quantizer.Quantize(model);

        Assert.Equal(0, count);
        Assert.Same(model, quantized);
    }

    [Fact]
    public async Task OnnxBertEmbedder_Int8OnModelWithoutWeightMatrices_KeepsItsName()
    {
        using var embedder = new OnnxBertEmbedder(fixture.Model.Folder, int8: true);

        var vector = await Microsoft.Extensions.AI.EmbeddingGeneratorExtensions.GenerateVectorAsync(embedder, "NATO");

        Assert.Equal("onnx:tiny-bert:mean", embedder.Profile.Name);
        Assert.Equal(fixture.Model.HiddenSize, vector.Length);
    }

    /// <summary>y = x · W for x of shape [batch, 64] and a fixed W of shape [64, 96].</summary>
    private static byte[] MatMulModel(out float[] weights)
    {
        weights = Enumerable.Range(0, Inner * Columns).Select(i => MathF.Cos(i * 0.11f) * (1 + (i % Columns / 10f))).ToArray();
        var graph = OnnxProtoWriter.Graph(
            "matmul",
            [OnnxProtoWriter.Node("MatMul", ["x", "w"], ["y"])],
            [OnnxProtoWriter.FloatTensor("w", [Inner, Columns], weights)],
            [OnnxProtoWriter.ValueInfo("x", OnnxProtoWriter.FloatType, "batch", Inner)],
            [OnnxProtoWriter.ValueInfo("y", OnnxProtoWriter.FloatType, "batch", Columns)]);
        return OnnxProtoWriter.Model(graph, 13, "test");
    }

    private static float[] Run(byte[] model, float[] input)
    {
        using var session = new InferenceSession(model);
        using var x = OrtValue.CreateTensorValueFromMemory(input, [input.Length / Inner, Inner]);
        using var options = new RunOptions();
        using var outputs = session.Run(options, ["x"], [x], ["y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
