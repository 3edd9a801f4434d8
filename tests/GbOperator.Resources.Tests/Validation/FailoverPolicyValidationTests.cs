using GbOperator.Resources.FailoverPolicies;
using static GbOperator.Resources.Tests.Validation.ValidResources;

namespace GbOperator.Resources.Tests.Validation;

public class FailoverPolicyValidationTests
{
    public static TheoryData<string, FailoverPolicy, string, string> Invalid() => new()
    {
        { "scope empty", Policy(s => s with { Patroni = s.Patroni with { Scope = "" } }), "spec.patroni.scope", "required value" },
        { "patroni endpoint not url", Policy(s => s with { Patroni = s.Patroni with { Endpoints = ["127.0.0.1:8008"] } }), "spec.patroni.endpoints[0]", "http://host:port" },
        { "patroni endpoint scheme", Policy(s => s with { Patroni = s.Patroni with { Endpoints = ["ftp://127.0.0.1:8008"] } }), "spec.patroni.endpoints[0]", "invalid URL" },
        { "patroni endpoints duplicate", Policy(s => s with { Patroni = s.Patroni with { Endpoints = ["http://a:8008", "http://a:8008"] } }), "spec.patroni.endpoints[1]", "duplicate value" },
        { "etcd endpoint format", Policy(s => s with { Patroni = s.Patroni with { Etcd = ["http://127.0.0.1:2379"] } }), "spec.patroni.etcd[0]", "write host:port" },
        { "etcd endpoints duplicate", Policy(s => s with { Patroni = s.Patroni with { Etcd = ["127.0.0.1:2379", "127.0.0.1:2379"] } }), "spec.patroni.etcd[1]", "duplicate value" },
        { "namespace without slashes", Policy(s => s with { Patroni = s.Patroni with { Namespace = "service" } }), "spec.patroni.namespace", "leading and a trailing slash" },
        { "lag negative", Policy(s => s with { Patroni = s.Patroni with { MaximumLagOnFailover = -1 } }), "spec.patroni.maximumLagOnFailover", "greater than or equal to 0" },
        { "master name with space", Policy(s => s with { Sentinel = s.Sentinel with { MasterName = "my master" } }), "spec.sentinel.masterName", "without spaces" },
        { "sentinel endpoint format", Policy(s => s with { Sentinel = s.Sentinel with { Endpoints = ["sentinel-1"], Quorum = 1 } }), "spec.sentinel.endpoints[0]", "write host:port" },
        { "sentinel port 70000", Policy(s => s with { Sentinel = s.Sentinel with { Endpoints = ["127.0.0.1:70000"], Quorum = 1 } }), "spec.sentinel.endpoints[0]", "port from 1 to 65535" },
        { "quorum above endpoints", Policy(s => s with { Sentinel = s.Sentinel with { Quorum = 3 } }), "spec.sentinel.quorum", "number of sentinel endpoints (2), not 3" },
        { "quorum zero", Policy(s => s with { Sentinel = s.Sentinel with { Quorum = 0 } }), "spec.sentinel.quorum", "greater than or equal to 1" },
        { "health interval bad", Policy(s => s with { HealthCheck = s.HealthCheck with { Interval = "10" } }), "spec.healthCheck.interval", "invalid duration" },
        { "health timeout over interval", Policy(s => s with { HealthCheck = s.HealthCheck with { Timeout = "11s" } }), "spec.healthCheck.timeout", "less than or equal to healthCheck.interval (10s)" },
        { "health retries zero", Policy(s => s with { HealthCheck = s.HealthCheck with { Retries = 0 } }), "spec.healthCheck.retries", "greater than or equal to 1" },
        { "breaker threshold zero", Policy(s => s with { CircuitBreaker = s.CircuitBreaker with { Threshold = 0 } }), "spec.circuitBreaker.threshold", "greater than or equal to 1" },
        { "breaker timeout zero", Policy(s => s with { CircuitBreaker = s.CircuitBreaker with { Timeout = "0s" } }), "spec.circuitBreaker.timeout", "positive duration" },
        { "half open zero", Policy(s => s with { CircuitBreaker = s.CircuitBreaker with { HalfOpenRequests = 0 } }), "spec.circuitBreaker.halfOpenRequests", "greater than or equal to 1" },
        { "llm provider empty", Policy(s => s with { GracefulDegradation = s.GracefulDegradation with { FallbackLlm = new FallbackLlmSpec { Provider = "" } } }), "spec.gracefulDegradation.fallbackLlm.provider", "required value" },
        { "llm model empty", Policy(s => s with { GracefulDegradation = s.GracefulDegradation with { FallbackLlm = new FallbackLlmSpec { Model = " " } } }), "spec.gracefulDegradation.fallbackLlm.model", "required value" },
        { "cache mode", Policy(s => s with { GracefulDegradation = s.GracefulDegradation with { CacheMode = "disk" } }), "spec.gracefulDegradation.cacheMode", "must be one of \"memory\"" },
        { "vector db mode", Policy(s => s with { GracefulDegradation = s.GracefulDegradation with { VectorDbMode = "none" } }), "spec.gracefulDegradation.vectorDbMode", "must be one of \"keyword-search\"" },
    };

    public static TheoryData<string, FailoverPolicy> Valid() => new()
    {
        { "endpoints", ValidResources.FailoverPolicy },
        { "defaults without endpoints", ValidResources.FailoverPolicy with { Spec = new FailoverPolicySpec() } },
        { "https patroni", Policy(s => s with { Patroni = s.Patroni with { Endpoints = ["https://pg-1.example.com:8008"] } }) },
        { "quorum equals endpoints", Policy(s => s with { Sentinel = s.Sentinel with { Quorum = 2 } }) },
        { "llm disabled without provider", Policy(s => s with { GracefulDegradation = s.GracefulDegradation with { FallbackLlm = new FallbackLlmSpec { Enabled = false, Provider = "" } } }) },
        { "timeout equals interval", Policy(s => s with { HealthCheck = s.HealthCheck with { Timeout = "10s" } }) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidFailoverPolicy_ReportsFieldAndRule(string @case, FailoverPolicy policy, string field, string message)
    {
        var violations = ResourceValidator.Validate(policy);

        violations.Should().ContainSingle(@case);
        violations[0].Field.Should().Be(field);
        violations[0].Message.Should().Contain(message);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Validate_ValidFailoverPolicy_ReportsNothing(string @case, FailoverPolicy policy)
    {
        ResourceValidator.Validate(policy).Should().BeEmpty(@case);
    }
}
