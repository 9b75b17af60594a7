# syntax=docker/dockerfile:1.7
FROM debian:12.7-slim
RUN <<EOT
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates
rm -rf /var/lib/apt/lists/*
EOT

RUN <<'SCRIPT' bash
cd /opt
echo "configured"
SCRIPT

WORKDIR /opt
CMD ["sleep", "infinity"]
