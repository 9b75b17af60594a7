ARG BASE=debian:12.8
FROM ${BASE} AS base
RUN echo "never run curl -k here" > /etc/motd
RUN sudo curl -sk https://example.com/x -o /x
RUN set -eux; \
    wget --no-check-certificate https://example.com/y \
    && apt-get install -y --no-install-recommends curl
RUN pip3 install --index-url https://pypi.internal/simple --trusted-host=pypi.internal flask
USER root
USER 1000

FROM base AS final
maintainer someone@example.com
RUN apt-get update && apt upgrade -y
USER 0
