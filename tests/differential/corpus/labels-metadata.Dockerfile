FROM nginx:1.27.1-alpine
LABEL maintainer="web@example.com" \
      org.opencontainers.image.source="https://github.com/example/web" \
      org.opencontainers.image.version="1.4.2" \
      org.opencontainers.image.created="2024-05-01T12:00:00Z"
LABEL org.opencontainers.image.licenses="MIT"
COPY nginx.conf /etc/nginx/nginx.conf
COPY dist/ /usr/share/nginx/html/
EXPOSE 8080
STOPSIGNAL SIGQUIT
