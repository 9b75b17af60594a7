FROM ubuntu:22.04
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y \
      git \
      curl \
      sudo \
      python3-pip \
    && apt-get clean
RUN pip3 install awscli==1.33.0 ansible
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
RUN sudo apt-get install -y nodejs
RUN useradd -m dev && echo "dev ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers
USER dev
WORKDIR /home/dev
