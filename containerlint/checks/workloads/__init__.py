"""CL43xx: Kubernetes workload settings (replicas, affinity, rollout, jobs, autoscaling,
disruption budgets, namespaces, required metadata)."""

RULE_MODULES: tuple[str, ...] = ()
