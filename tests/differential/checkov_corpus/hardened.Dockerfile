FROM debian:12.8-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.com/tool.tar.gz -o /tmp/tool.tar.gz

FROM gcr.io/distroless/static-debian12:nonroot
LABEL maintainer="team@example.com"
COPY --from=build /tmp/tool.tar.gz /opt/tool.tar.gz
RUN useradd --uid 10001 app
USER app
HEALTHCHECK CMD ["/opt/tool", "health"]
