FROM ubuntu:latest
MAINTAINER someone@example.com
RUN apt update && apt install -y curl
RUN useradd app
USER app
RUN make install
USER root
