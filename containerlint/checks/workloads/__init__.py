"""CL43xx: Kubernetes workload settings (replicas, affinity, rollout, jobs, autoscaling,
disruption budgets, namespaces, required metadata)."""

RULE_MODULES: tuple[str, ...] = (
    "minimum_three_replicas",
    "hpa_minimum_three_replicas",
    "no_anti_affinity",
    "no_node_affinity",
    "no_rolling_update_strategy",
    "pdb_max_unavailable",
    "pdb_unhealthy_pod_eviction_policy",
    "priority_class_name",
    "required_annotation_email",
    "required_label_owner",
    "use_namespace",
    "sorted_keys",
    "dnsconfig_options",
    "deprecated_service_account_field",
    "default_service_account",
    "duplicate_env_var",
    "exposed_services",
    "invalid_target_ports",
    "no_extensions_v1beta",
)
