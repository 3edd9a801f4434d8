using GbOperator.Resources.BotClusters;
using GbOperator.Resources.FailoverPolicies;
using GbOperator.Resources.GitRepositories;
using GbOperator.Resources.ShardMaps;
using GbOperator.Resources.Validation;

namespace GbOperator.Resources;

/// <summary>Validation rules of the served kinds: names, ranges, ports, durations, shard ranges.</summary>
public static class ResourceValidator
{
    /// <summary>Checks every rule on a decoded object, metadata name, namespace, labels and annotations included.</summary>
    /// <returns>Every violation found, empty when the object is valid.</returns>
    /// <remarks>
    /// A BotCluster name must be a DNS-1123 label (at most 63 characters, no dots) because it becomes part of
    /// LXD instance names. Other kinds take a DNS-1123 subdomain, as Kubernetes does. An absent namespace is
    /// allowed because the API server fills it in from the request path. Label and annotation keys are qualified
    /// names, and label values are empty or follow the same character rules, as in Kubernetes.
    /// </remarks>
    public static IReadOnlyList<FieldViolation> Validate(Resource resource)
    {
        var violations = new ViolationList();

        if (resource is BotCluster)
        {
            DnsNames.CheckLabel(violations, "metadata.name", resource.Metadata.Name);
        }
        else
        {
            DnsNames.CheckSubdomain(violations, "metadata.name", resource.Metadata.Name);
        }

        if (resource.Metadata.NamespaceProperty is not null)
        {
            DnsNames.CheckLabel(violations, "metadata.namespace", resource.Metadata.NamespaceProperty);
        }

        MetadataValidator.CheckLabels(violations, resource.Metadata.Labels);
        MetadataValidator.CheckAnnotations(violations, resource.Metadata.Annotations);

        if (resource.ApiVersion != ApiGroup.ApiVersion)
        {
            violations.NotSupported("apiVersion", resource.ApiVersion, [ApiGroup.ApiVersion]);
        }

        switch (resource)
        {
            case BotCluster botCluster:
                BotClusterValidator.Validate(botCluster.Spec, violations);
                break;
            case ShardMap shardMap:
                ShardMapValidator.Validate(shardMap.Spec, violations);
                break;
            case FailoverPolicy failoverPolicy:
                FailoverPolicyValidator.Validate(failoverPolicy.Spec, violations);
                break;
            case GitRepository gitRepository:
                GitRepositoryValidator.Validate(gitRepository.Spec, violations);
                break;
        }

        return violations;
    }
}
