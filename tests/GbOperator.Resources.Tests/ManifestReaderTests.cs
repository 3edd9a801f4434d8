using System.Text.Json;

namespace GbOperator.Resources.Tests;

public class ManifestReaderTests
{
    [Fact]
    public void Read_MultiDocumentYaml_ReturnsStartLines()
    {
        const string text = "a: 1\n---\nb: 2\n---\n\nc: 3\n";

        var manifests = ManifestReader.Read(text, "m.yaml");

        manifests.Select(m => m.Line).Should().Equal(1, 3, 6);
        manifests.Select(m => m.Object.First().Key).Should().Equal("a", "b", "c");
        manifests.Should().OnlyContain(m => m.Source == "m.yaml");
    }

    [Theory]
    [InlineData("---\n---\na: 1\n---\n# only a comment\n---\n")]
    [InlineData("\n\na: 1\n...\n---\n")]
    [InlineData("---\n~\n---\na: 1\n")]
    public void Read_EmptyDocuments_AreSkipped(string text)
    {
        var manifests = ManifestReader.Read(text, "m.yaml");

        manifests.Should().ContainSingle().Which.Object["a"]!.GetValue<int>().Should().Be(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n# nothing\n")]
    public void Read_NoDocuments_ReturnsEmpty(string text)
    {
        ManifestReader.Read(text, "m.yaml").Should().BeEmpty();
    }

    [Theory]
    [InlineData("v: 42", JsonValueKind.Number, "42")]
    [InlineData("v: -7", JsonValueKind.Number, "-7")]
    [InlineData("v: 0x1F", JsonValueKind.Number, "31")]
    [InlineData("v: 0o17", JsonValueKind.Number, "15")]
    [InlineData("v: 1.5", JsonValueKind.Number, "1.5")]
    [InlineData("v: 1e3", JsonValueKind.Number, "1000")]
    [InlineData("v: true", JsonValueKind.True, "true")]
    [InlineData("v: False", JsonValueKind.False, "false")]
    [InlineData("v: ~", JsonValueKind.Null, "null")]
    [InlineData("v: null", JsonValueKind.Null, "null")]
    [InlineData("v:", JsonValueKind.Null, "null")]
    [InlineData("v: '42'", JsonValueKind.String, "\"42\"")]
    [InlineData("v: \"true\"", JsonValueKind.String, "\"true\"")]
    [InlineData("v: !!str 12", JsonValueKind.String, "\"12\"")]
    [InlineData("v: yes", JsonValueKind.String, "\"yes\"")]
    [InlineData("v: 1.2.3", JsonValueKind.String, "\"1.2.3\"")]
    [InlineData("v: 30s", JsonValueKind.String, "\"30s\"")]
    [InlineData("v: 0-999999:shard1", JsonValueKind.String, "\"0-999999:shard1\"")]
    [InlineData("v: |\n  line\n", JsonValueKind.String, "\"line\\n\"")]
    [InlineData("v: .inf", JsonValueKind.String, "\".inf\"")]
    public void Read_YamlScalar_ConvertsToJsonType(string yaml, JsonValueKind kind, string json)
    {
        var value = ManifestReader.Read(yaml, "m.yaml").Single().Object["v"];

        (value?.GetValueKind() ?? JsonValueKind.Null).Should().Be(kind);
        (value?.ToJsonString() ?? "null").Should().Be(json);
    }

    [Fact]
    public void Read_YamlInteger_ReadsAsAnyNumericType()
    {
        var value = ManifestReader.Read("v: 3", "m.yaml").Single().Object["v"]!;

        value.GetValue<int>().Should().Be(3);
        value.GetValue<long>().Should().Be(3);
        value.GetValue<double>().Should().Be(3);
    }

    [Fact]
    public void Read_NestedYaml_KeepsStructureAndOrder()
    {
        const string text = "spec:\n  z: 1\n  a:\n    - x\n    - {k: v}\n";

        var manifest = ManifestReader.Read(text, "m.yaml").Single();

        manifest.Object.ToJsonString().Should().Be("""{"spec":{"z":1,"a":["x",{"k":"v"}]}}""");
    }

    [Fact]
    public void Read_YamlAlias_ExpandsAnchor()
    {
        var manifest = ManifestReader.Read("a: &x [1, 2]\nb: *x\n", "m.yaml").Single();

        manifest.Object["b"]!.ToJsonString().Should().Be("[1,2]");
    }

    [Theory]
    [InlineData("a: 1\nb:\n  c: 2\n  c: 3\n", 4, 3)]
    [InlineData("a: 1\na: 2\n", 2, 1)]
    [InlineData("---\nx: 1\n---\nspec:\n  image: a\n  replicas: 1\n  image: b\n", 7, 3)]
    public void Read_DuplicateYamlKey_ThrowsWithPosition(string text, int line, int column)
    {
        var act = () => ManifestReader.Read(text, "dup.yaml");

        var error = act.Should().Throw<ManifestSyntaxException>().Which;
        error.SourceName.Should().Be("dup.yaml");
        error.Line.Should().Be(line);
        error.Column.Should().Be(column);
        error.Problem.Should().Contain("duplicate key");
        error.Message.Should().StartWith($"dup.yaml:{line}:{column}: ");
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", 2)]
    [InlineData("a: 1\n b: 2\n", 2)]
    [InlineData("a: 'open\n", 1)]
    [InlineData("a:\n  - 1\n  b: 2\n", 3)]
    [InlineData("key: value\n\t- tab\n", 1)]
    public void Read_MalformedYaml_ThrowsWithLine(string text, int line)
    {
        var act = () => ManifestReader.Read(text, "bad.yaml");

        var error = act.Should().Throw<ManifestSyntaxException>().Which;
        error.Line.Should().Be(line);
        error.Column.Should().BePositive();
        error.Problem.Should().StartWith("invalid YAML");
    }

    [Theory]
    [InlineData("- a\n- b\n", "sequence")]
    [InlineData("just text\n", "scalar")]
    [InlineData("a: 1\n---\n42\n", "scalar")]
    public void Read_DocumentNotMapping_Throws(string text, string found)
    {
        var act = () => ManifestReader.Read(text, "m.yaml");

        act.Should().Throw<ManifestSyntaxException>().Which.Problem.Should().Contain($"not a {found}");
    }

    [Fact]
    public void Read_NonScalarKey_Throws()
    {
        var act = () => ManifestReader.Read("? [a, b]\n: 1\n", "m.yaml");

        act.Should().Throw<ManifestSyntaxException>().Which.Line.Should().Be(1);
    }

    [Fact]
    public void Read_Json_ReturnsOneManifest()
    {
        const string text = "\n  {\"apiVersion\": \"generalbots.ai/v1alpha1\", \"spec\": {\"replicas\": 3}}";

        var manifest = ManifestReader.Read(text, "m.json").Single();

        manifest.Line.Should().Be(2);
        manifest.Object["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public void Read_DuplicateJsonKey_ThrowsWithPosition()
    {
        const string text = "{\n  \"spec\": {\n    \"image\": \"a\",\n    \"image\": \"b\"\n  }\n}";

        var act = () => ManifestReader.Read(text, "dup.json");

        var error = act.Should().Throw<ManifestSyntaxException>().Which;
        error.Line.Should().Be(4);
        error.Column.Should().Be(5);
        error.Problem.Should().Contain("spec.image");
    }

    [Fact]
    public void Read_MalformedJson_ThrowsWithPosition()
    {
        const string text = "{\n  \"a\": 1,\n  \"b\": }\n";

        var act = () => ManifestReader.Read(text, "bad.json");

        var error = act.Should().Throw<ManifestSyntaxException>().Which;
        error.Line.Should().Be(3);
        error.Column.Should().Be(8);
        error.Problem.Should().StartWith("invalid JSON");
    }
}
