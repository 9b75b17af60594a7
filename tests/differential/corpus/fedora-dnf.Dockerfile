FROM fedora:40
RUN dnf install -y gcc make && dnf clean all
RUN dnf -y install podman-5.2.2
WORKDIR /src
COPY . .
RUN make && make install
CMD ["/usr/local/bin/runner"]
