"""CL2037 docker-sock, CL2038 sensitive-host-mounts, CL2039 writable-host-mount, CL2040 host-path-volume."""

from __future__ import annotations

import pytest

from containerlint.model import FileKind
from tests.security._isolation import WORKLOAD_KINDS, at, kube_workload, run, run_files, starts

K8S = FileKind.KUBERNETES
COMPOSE = FileKind.COMPOSE


def pod_with_host_path(path: str, mounts: str = "- name: host\n  mountPath: /mnt/host\n") -> str:
    mounts_block = "".join("    " + line + "\n" for line in mounts.splitlines())
    return (
        "containers:\n- name: app\n  volumeMounts:\n"
        + mounts_block
        + f"volumes:\n- name: host\n  hostPath:\n    path: {path}\n"
    )


# --- CL2037 docker-sock ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", WORKLOAD_KINDS)
def test_docker_sock_every_workload_kind(kind: str) -> None:
    text = kube_workload(kind, pod_with_host_path("/var/run/docker.sock"), name="ci")
    (finding,) = run(text, K8S, "CL2037")
    assert starts([finding]) == [at(text, "/mnt/host")]
    assert finding.message == (
        f"{kind.lower()} 'ci' container 'app' mounts the runtime socket '/var/run/docker.sock' from the host "
        "(hostPath volume 'host')"
    )
    (related,) = finding.related
    assert (related.span.start.line, related.span.start.column) == at(text, "/var/run/docker.sock")
    assert related.path == "manifest.yaml"


@pytest.mark.parametrize(
    "path",
    [
        "/var/run/docker.sock",
        "/run/docker.sock",
        "/var/run/docker.sock/",
        "/run/containerd/containerd.sock",
        "/var/run/crio/crio.sock",
        "/run/podman/podman.sock",
        "/home/ci/mydocker.sock",  # kube-linter's docker.sock$ matches this too
    ],
)
def test_docker_sock_paths(path: str) -> None:
    text = kube_workload("Pod", pod_with_host_path(path))
    assert len(run(text, K8S, "CL2037")) == 1


@pytest.mark.parametrize("path", ["/var/run/thing.sock", "/var/run", "/var/run/docker.sock.d/x", "/etc"])
def test_docker_sock_other_paths(path: str) -> None:
    assert run(kube_workload("Pod", pod_with_host_path(path)), K8S, "CL2037") == []


def test_docker_sock_one_finding_per_container_mount_and_unmounted_volume_ignored() -> None:
    text = kube_workload(
        "Deployment",
        """
        initContainers:
        - name: init
          volumeMounts: [{name: sock, mountPath: /init.sock}]
        containers:
        - name: a
          volumeMounts:
          - {name: sock, mountPath: /a.sock, readOnly: true}
          - {name: other, mountPath: /other}
        - name: b
        volumes:
        - name: sock
          hostPath: {path: /var/run/docker.sock, type: Socket}
        - name: unused
          hostPath: {path: /run/docker.sock}
        - name: other
          emptyDir: {}
        """,
    )
    found = run(text, K8S, "CL2037")
    assert starts(found) == [at(text, "/init.sock"), at(text, "/a.sock")]


def test_docker_sock_sockets_option() -> None:
    text = kube_workload("Pod", pod_with_host_path("/run/containerd/containerd.sock"))
    assert run(text, K8S, "CL2037", {"sockets": ["docker.sock"]}) == []
    text = kube_workload("Pod", pod_with_host_path("/run/buildkit/buildkitd.sock"))
    assert len(run(text, K8S, "CL2037", {"sockets": ["buildkitd.sock"]})) == 1


def test_docker_sock_compose_every_form() -> None:
    text = """
    services:
      a:
        image: x
        volumes:
          - /var/run/docker.sock:/var/run/docker.sock
          - "/run/docker.sock:/var/run/docker2.sock:ro"
          - ~/.docker/run/docker.sock:/var/run/docker3.sock
          - type: bind
            source: /run/podman/podman.sock
            target: /var/run/docker4.sock
            read_only: true
          - type: npipe
            source: \\\\.\\pipe\\docker_engine
            target: \\\\.\\pipe\\docker_engine
          - //./pipe/docker_engine://./pipe/docker_engine
      b:
        image: x
        volumes:
          - ./docker.sock.md:/docs/x.md
          - data:/var/run
          - /var/run/thing.sock:/thing.sock
    volumes:
      data:
    """
    found = run(text, COMPOSE, "CL2037")
    assert starts(found) == [
        at(text, "/var/run/docker.sock:/var"),
        at(text, '"/run/docker.sock'),
        at(text, "~/.docker"),
        at(text, "/run/podman/podman.sock"),
        at(text, "\\\\.\\pipe"),
        at(text, "//./pipe"),
    ]
    assert found[0].message == "service 'a' mounts the runtime socket '/var/run/docker.sock' from the host"
    assert found[1].message.endswith("(read-only still gives full control)")
    assert found[3].message.endswith("(read-only still gives full control)")


# --- CL2038 sensitive-host-mounts -----------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr", "/etc/", "//etc", "/usr/./"]
)
def test_sensitive_dirs(path: str) -> None:
    text = kube_workload("DaemonSet", pod_with_host_path(path), name="agent")
    (finding,) = run(text, K8S, "CL2038")
    assert starts([finding]) == [at(text, "/mnt/host")]
    assert finding.message == (
        f"daemonset 'agent' container 'app' mounts the host system directory '{path}' (hostPath volume 'host')"
    )


@pytest.mark.parametrize(
    "path", ["/etc/ssl/certs", "/var/log", "/sys/fs/cgroup", "/usrlocal", "etc", "/var/lib/docker"]
)
def test_not_sensitive_dirs(path: str) -> None:
    assert run(kube_workload("Pod", pod_with_host_path(path)), K8S, "CL2038") == []


def test_sensitive_options() -> None:
    text = kube_workload("Pod", pod_with_host_path("/etc/kubernetes/pki"))
    assert run(text, K8S, "CL2038") == []
    assert len(run(text, K8S, "CL2038", {"subdirectories": True})) == 1
    assert run(text, K8S, "CL2038", {"subdirectories": True, "dirs": ["/var"]}) == []
    text = kube_workload("Pod", pod_with_host_path("/var/lib/kubelet"))
    assert len(run(text, K8S, "CL2038", {"dirs": ["/var/lib/kubelet/"]})) == 1


def test_sensitive_compose() -> None:
    text = """
    services:
      agent:
        image: x
        volumes:
          - /:/rootfs:ro
          - /proc:/host/proc:ro
          - type: bind
            source: /sys/
            target: /host/sys
          - /etc/ssl/certs:/etc/ssl/certs:ro
          - ./etc:/app/etc
          - etc:/etc
          - /dev
    volumes:
      etc:
    """
    found = run(text, COMPOSE, "CL2038")
    assert starts(found) == [at(text, "/:/rootfs"), at(text, "/proc:"), at(text, "/sys/")]
    assert found[2].message == "service 'agent' mounts the host system directory '/sys/'"


# --- CL2039 writable-host-mount ---------------------------------------------------------------


def test_writable_host_mount_kubernetes() -> None:
    text = kube_workload(
        "StatefulSet",
        """
        containers:
        - name: a
          volumeMounts:
          - name: host
            mountPath: /rw
          - name: host
            mountPath: /explicit
            readOnly: false
          - name: host
            mountPath: /ro
            readOnly: true
          - name: empty
            mountPath: /scratch
        volumes:
        - name: host
          hostPath: {path: /srv/data}
        - name: empty
          emptyDir: {}
        """,
        name="db",
    )
    found = run(text, K8S, "CL2039")
    assert starts(found) == [at(text, "/rw"), at(text, "false")]
    assert found[0].message == "statefulset 'db' container 'a' mounts the host path '/srv/data' writable"
    assert found[0].hint == "add 'readOnly: true' to the volumeMount"


def test_writable_host_mount_compose() -> None:
    text = """
    services:
      app:
        image: x
        volumes:
          - ./src:/app
          - ./conf:/conf:ro
          - /srv/a:/a:z,ro
          - /srv/b:/b:rw
          - type: bind
            source: /srv/c
            target: /c
          - type: bind
            source: /srv/d
            target: /d
            read_only: true
          - named:/data
          - /anonymous
    volumes:
      named:
    """
    found = run(text, COMPOSE, "CL2039")
    assert starts(found) == [at(text, "./src"), at(text, "/srv/b"), at(text, "/srv/c")]
    assert found[0].hint == "append ':ro' to the volume entry"
    assert found[2].hint == "add 'read_only: true' to the volume entry"


def test_writable_host_mount_is_off_by_default() -> None:
    from containerlint.checks.privilege.writable_host_mount import RULE

    assert not RULE.default_enabled


# --- CL2040 host-path-volume ------------------------------------------------------------------


def test_host_path_volume_every_volume_mounted_or_not() -> None:
    text = kube_workload(
        "Job",
        """
        containers:
        - name: a
          volumeMounts: [{name: in, mountPath: /in}]
        volumes:
        - name: in
          hostPath:
            path: /srv/in
        - name: unused
          hostPath: {}
        - name: cfg
          configMap: {name: cfg}
        - name: nullpath
          hostPath:
        """,
        name="import",
    )
    found = run(text, K8S, "CL2040")
    assert starts(found) == [at(text, "hostPath"), at(text, "hostPath", 1)]
    assert found[0].message == "job 'import' volume 'in' mounts the host path '/srv/in'"
    assert found[1].message == "job 'import' volume 'unused' mounts the host path"


def test_host_path_volume_metadata() -> None:
    from containerlint.checks.privilege.host_path_volume import RULE

    assert not RULE.default_enabled and {"pss-baseline", "pss-restricted"} <= set(RULE.tags)
    assert RULE.kinds == {K8S}


def test_override_adds_socket_mount_in_override_file() -> None:
    base = "services:\n  app:\n    image: x\n    volumes: [./src:/src:ro]\n"
    override = "services:\n  app:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n"
    found = run_files([("compose.yaml", base, COMPOSE), ("compose.override.yaml", override, COMPOSE)], "CL2037")
    assert [(f.path, f.span.start.line, f.span.start.column) for f in found] == [("compose.override.yaml", 4, 9)]


def test_named_volume_bound_to_a_host_path_by_the_local_driver() -> None:
    text = """
    services:
      agent:
        image: x
        volumes:
          - sock:/var/run/docker.sock
          - hostetc:/host/etc:ro
          - plain:/data
          - nfs:/nfs
    volumes:
      sock:
        driver_opts: {type: none, o: bind, device: /var/run/docker.sock}
      hostetc:
        driver: local
        driver_opts:
          type: none
          o: "ro,bind"
          device: /etc
      plain: {}
      nfs:
        driver_opts: {type: nfs, o: "addr=10.0.0.1,rw", device: ":/etc"}
    """
    (socket,) = run(text, COMPOSE, "CL2037")
    assert starts([socket]) == [at(text, "sock:/var")]
    assert socket.message == (
        "service 'agent' mounts the runtime socket '/var/run/docker.sock' from the host through volume 'sock'"
    )
    (etc,) = run(text, COMPOSE, "CL2038")
    assert starts([etc]) == [at(text, "hostetc:/host")]
    assert etc.message == "service 'agent' mounts the host system directory '/etc' through volume 'hostetc'"
