FROM alpine:3.19
RUN wget -qO- https://example.com/install.sh | sh
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN wget -qO- https://example.com/checksums.txt | grep linux-amd64 > /tmp/sum
RUN apk add --no-cache bash=5.2.21-r0
SHELL ["/bin/bash", "-c"]
RUN curl -fsSL https://example.com/x | tar -xz -C /opt
