FROM fedora:41
RUN dnf install -y --nogpgcheck httpd
RUN yum install -y --nogpgcheck nginx
RUN rpm -i --nosignature ./local.rpm
RUN rpm -i --nodigest ./other.rpm
RUN rpm -ivh ./verified.rpm
RUN useradd -u 10001 app
USER app

FROM debian:12.8 AS debian
RUN apt-get install -y --allow-unauthenticated curl
RUN apt-get install -y --force-yes wget
RUN apt-get install -y --no-install-recommends git

FROM alpine:3.20 AS alpine
RUN apk add --allow-untrusted ./local.apk
RUN apk add --no-cache jq
RUN apk add --allow-untrusted --repository https://mirror.example.com/alpine/edge/testing jq-nightly
