# hadolint global ignore=DL3059
FROM debian:12.7 AS base
# hadolint ignore=DL3008,DL3015
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN echo one
RUN echo two

# hadolint stage ignore=DL3008
FROM base AS tools
RUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/apt/lists/*
# hadolint stage ignore=DL3015
RUN apt-get update && apt-get install -y yq && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y xq && rm -rf /var/lib/apt/lists/*

FROM base
# containerlint: ignore=CL1001 -- the mirror only serves latest
FROM registry.internal/tools:latest AS mirror
COPY --from=tools /usr/bin/jq /usr/bin/jq
