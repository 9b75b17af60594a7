"""CL1021 remote-script-executed: a downloaded script is run without verification."""

from __future__ import annotations

from containerlint.model import FileKind
from tests.helpers import lint_text

CODE = "CL1021"


def found(run: str) -> list[tuple[int, int]]:
    findings = lint_text(f"FROM debian:12\n{run}\n", FileKind.DOCKERFILE, select=[CODE])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == CODE]


def test_pipe_into_a_shell_is_reported_at_the_url() -> None:
    assert found("RUN curl -fsSL https://get.docker.com | sh") == [(2, 16)]
    assert found("RUN wget -qO- https://x.example/i.sh | bash") == [(2, 15)]
    assert found("RUN wget -O - https://x.example/i.sh | bash") == [(2, 15)]
    assert found("RUN wget --output-document=- https://x.example/i.sh | bash") == [(2, 30)]


def test_interpreters_reading_stdin() -> None:
    assert found("RUN curl -sL https://x.example/i.sh | sudo -E bash -") == [(2, 14)]
    assert found("RUN curl -sL https://x.example/i.sh | bash -s -- --yes") == [(2, 14)]
    assert found("RUN curl -sL https://x.example/i.sh | bash -o pipefail") == [(2, 14)]
    assert found("RUN curl -sL https://x.example/i.py | python3 -") == [(2, 14)]
    assert found("RUN curl -sL https://x.example/i.py | tee /tmp/i.py | python3") == [(2, 14)]
    assert found("RUN curl -sL https://x.example/i.js | node") == [(2, 14)]


def test_download_as_the_program() -> None:
    assert found('RUN sh -c "$(curl -fsSL https://x.example/i.sh)"') == [(2, 25)]
    assert found("RUN bash <(curl -s https://x.example/i.sh)") == [(2, 20)]
    assert found('RUN eval "$(wget -qO- https://x.example/env.sh)"') == [(2, 23)]
    assert found("RUN . <(curl -s https://x.example/env.sh)") == [(2, 17)]


def test_interpreters_that_only_read_data() -> None:
    assert found("RUN curl -s https://api.example/v | python3 -c 'import json,sys; print(json.load(sys.stdin))'") == []
    assert found("RUN curl -s https://api.example/v | python3 -m json.tool") == []
    assert found("RUN curl -s https://x.example/a | sh ./local-script.sh") == []
    assert found("RUN curl -s https://x.example/a | bash -c 'cat > /tmp/a'") == []
    assert found('RUN ./install.sh --version "$(curl -s https://api.example/latest)"') == []


def test_downloads_to_a_file_are_not_piped() -> None:
    assert found("RUN curl -fsSLo /tmp/i.sh https://x.example/i.sh | sh") == []
    assert found("RUN curl -fsSL -O https://x.example/i.sh | sh") == []
    assert found("RUN wget https://x.example/i.sh | sh") == []
    assert found("RUN curl -fsSL https://x.example/a.tgz | tar xz -C /opt") == []


def test_heredocs_and_chains() -> None:
    text = "FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://get.docker.com | sh\nEOF\n"
    findings = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    assert [(f.span.start.line, f.span.start.column) for f in findings] == [(4, 12)]
    assert found("RUN apt-get update && curl -sL https://x.example/a | bash && rm -rf /var/lib/apt/lists/*") == [
        (2, 32)
    ]


def test_message_names_the_url_and_the_interpreter() -> None:
    text = "FROM debian:12\nRUN curl -fsSL https://get.docker.com | sh\n"
    [finding] = lint_text(text, FileKind.DOCKERFILE, select=[CODE])
    assert "'https://get.docker.com' is piped into 'sh'" in finding.message
    assert finding.hint is not None and "sha256sum" in finding.hint
