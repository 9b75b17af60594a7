FROM debian:bookworm
RUN apt-get update
RUN apt-get -y install nginx
RUN echo "daemon off;" >> /etc/nginx/nginx.conf
COPY site/ /var/www/html/
EXPOSE 80
CMD ["nginx"]
