"""The Compose project loader: ``.env`` files, interpolation, merging, ``extends`` and ``include``.

``containerlint.compose_model`` is the entry point rules import; this package holds the parts.
"""
