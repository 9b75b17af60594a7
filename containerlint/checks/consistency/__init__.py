"""CL7xxx: consistency across objects and files."""

RULE_MODULES: tuple[str, ...] = (
    "undefined_compose_resource",
    "service_selects_no_pods",
    "selector_template_mismatch",
    # CL7010-CL7049: the Kubernetes cross-object graph
    "dangling_horizontalpodautoscaler",
    "dangling_ingress",
    "dangling_networkpolicy",
    "dangling_networkpolicypeer_podselector",
    "dangling_servicemonitor",
    "non_existent_service_account",
    "non_isolated_pod",
    "env_value_from",
    "pdb_min_available",
    "access_to_create_pods",
    "access_to_secrets",
    "cluster_admin_role_binding",
    "wildcard_in_rules",
    "service_target_port_not_found",
    "missing_referenced_object",
    "copy_ignored_file",
    # CL7050-CL7079: Compose services and manifests versus the Dockerfiles the repository builds
    "build_context_not_found",
    "unknown_build_target",
    "undeclared_build_arg",
    "required_build_arg_not_passed",
    "port_not_exposed",
    "healthcheck_program_not_in_image",
    "built_image_runs_as_root",
    "run_as_non_root_image_user",
    "image_tag_differs_from_build",
    # CL7080-CL7089: kustomizations (reported by containerlint.kustomize)
    "missing_kustomization_reference",
    "kustomize_build_failed",
)
