# syntax=docker/dockerfile:1.7
FROM nginx:1.27.1
COPY <<EOF /etc/nginx/conf.d/default.conf
server {
    listen 8080;
    location / { root /usr/share/nginx/html; }
}
EOF
RUN nginx -t
EXPOSE 8080
