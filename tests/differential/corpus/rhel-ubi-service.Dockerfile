FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y java-17-openjdk-headless shadow-utils \
    && microdnf clean all
RUN useradd -u 1001 -r -g 0 -s /sbin/nologin app
COPY --chown=1001:0 target/service.jar /deployments/service.jar
USER 1001
EXPOSE 8443
ENTRYPOINT ["java", "-jar", "/deployments/service.jar"]
