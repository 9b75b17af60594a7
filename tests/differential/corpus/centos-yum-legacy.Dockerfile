FROM centos:7
RUN yum install httpd php php-mysql
RUN yum -y install epel-release && yum -y install supervisor-3.4.0
COPY supervisord.conf /etc/supervisord.conf
RUN yum clean all
EXPOSE 80
CMD ["/usr/bin/supervisord", "-n"]
