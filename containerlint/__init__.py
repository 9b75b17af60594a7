"""containerlint: one linter for Dockerfiles, Compose files and Kubernetes manifests.

This module holds only the vocabulary plugin authors need; importing it stays cheap.
"""

from containerlint.__about__ import __version__
from containerlint.hookspecs import hookimpl
from containerlint.model import FileKind, Problem, Severity, Span
from containerlint.registry import Context, Rule

__all__ = ["Context", "FileKind", "Problem", "Rule", "Severity", "Span", "__version__", "hookimpl"]
