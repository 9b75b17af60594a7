"""CL1020 add-url-without-checksum: ``ADD`` fetches a remote file or Git repository unverified.

``ADD --checksum=sha256:...`` (HTTP) or ``--checksum=<commit>`` (Git) makes BuildKit verify what
it downloaded. Without it the build takes whatever the server returns that day. A Git source
pinned to a full commit id (``repo.git#<40 hex digits>``) is already immutable and is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from containerlint.model import FileKind, Problem, Severity
from containerlint.registry import Context, Rule

if TYPE_CHECKING:
    from containerlint.syntax.dockerfile import Dockerfile

RULE = Rule(
    code="CL1020",
    name="add-url-without-checksum",
    summary="ADD downloads a URL or Git repository without --checksum to verify it",
    severity=Severity.WARNING,
    tags=("dockerfile", "supply-chain", "security", "reproducibility"),
)

_REMOTE = re.compile(r"^(?:(?:https?|git|ssh)://|git@)", re.IGNORECASE)
_GIT = re.compile(r"^(?:git://|ssh://|git@)|\.git(?:#|$)|#", re.IGNORECASE)
_COMMIT = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$", re.IGNORECASE)


def is_git_source(url: str) -> bool:
    return bool(_GIT.search(url))


def pinned_git_commit(url: str) -> bool:
    """``https://github.com/o/r.git#<commit>[:subdir]`` names an immutable commit."""
    fragment = url.partition("#")[2]
    ref = fragment.split(":", 1)[0].split(",", 1)[0]
    return bool(_COMMIT.match(ref))


@RULE.check(FileKind.DOCKERFILE)
def check(dockerfile: Dockerfile, ctx: Context) -> Iterator[Problem]:
    for instruction in dockerfile.iter_instructions("ADD", onbuild=True):
        if instruction.flag("checksum") is not None:
            continue
        for token in instruction.words[:-1]:  # the last word is the destination
            url = token.value
            if not _REMOTE.match(url):
                continue
            if is_git_source(url):
                if pinned_git_commit(url):
                    continue
                yield Problem(
                    token.span,
                    f"ADD clones '{url}' without --checksum: a branch or tag can be moved to other commits",
                    hint="add --checksum=<commit id>, or pin the commit in the URL (repo.git#<full commit id>)",
                )
            else:
                yield Problem(
                    token.span,
                    f"ADD downloads '{url}' without --checksum: whatever the server returns goes into the image",
                    hint="add --checksum=sha256:<digest of the file> (Dockerfile syntax 1.6 or later)",
                )
