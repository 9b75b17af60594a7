"""Large Dockerfiles, to check that linting time grows linearly with file size.

    python bench/big_dockerfiles.py /tmp/big       # writes lines5000.Dockerfile and big5mb.Dockerfile
    time containerlint /tmp/big/lines5000.Dockerfile --fail-on never --format json -o /tmp/out.json

* ``lines5000.Dockerfile``: 2,500 RUN instructions of two lines each (a line continuation),
  installing with apt-get, apk and pip, with pipes; unpinned packages, so rules report on them.
* ``big5mb.Dockerfile``: the 5 MB file of tests/test_robustness.py (60,000 pinned apk RUNs).
"""

from __future__ import annotations

import argparse
from pathlib import Path

BIG = 5 * 1024 * 1024


def lines_5000() -> str:
    lines = ["# syntax=docker/dockerfile:1", "FROM debian:12 AS build", "ARG VERSION=1.0"]
    for number in range(2500):
        kind = number % 5
        if kind == 0:
            first = f"RUN apt-get update && apt-get install -y curl-{number} git \\"
            second = "    && rm -rf /var/lib/apt/lists/*"
        elif kind == 1:
            first = f"RUN apk add --no-cache py3-lib{number} \\"
            second = f"    && curl -fsSL https://example.com/{number}.tar.gz | tar -xz -C /opt"
        elif kind == 2:
            first = f"RUN pip install --no-cache-dir requests==2.{number} flask \\"
            second = f'    && echo "built {number} $VERSION" | tee /tmp/log-{number}'
        elif kind == 3:
            first = f"RUN set -eux; wget -qO- https://example.com/{number} | sh \\"
            second = f"    ; cd /src/{number} && make install"
        else:
            first = f"RUN npm install -g pkg-{number} && yum install -y tool{number} \\"
            second = "    && yum clean all"
        lines += [first, second]
    lines.append('CMD ["/bin/app"]')
    return "\n".join(lines) + "\n"


def big_5mb() -> str:
    """The same text as tests/test_robustness.py's ``_big_dockerfile``."""
    lines = ["FROM alpine:3.20 AS base"]
    size, number = 0, 0
    while size < BIG:
        apk = f"apk add --no-cache pkg-{number}=1.{number}.0"
        line = f'RUN echo "step {number}" && {apk} \\\n    && rm -rf /var/cache/apk/*'
        lines.append(line)
        size += len(line)
        number += 1
    lines.append("FROM ubuntu")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    (args.outdir / "lines5000.Dockerfile").write_text(lines_5000(), encoding="utf-8")
    (args.outdir / "big5mb.Dockerfile").write_text(big_5mb(), encoding="utf-8")
    print(f"wrote {args.outdir}/lines5000.Dockerfile and {args.outdir}/big5mb.Dockerfile")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
