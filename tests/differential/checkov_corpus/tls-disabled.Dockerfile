FROM python:3.12.7-slim
ENV PYTHONHTTPSVERIFY=0
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
ARG GIT_SSL_NO_VERIFY=true
ENV NPM_CONFIG_STRICT_SSL=false
ENV PIP_TRUSTED_HOST=pypi.internal
RUN curl -k https://example.com/a.sh -o /tmp/a.sh
RUN curl --insecure -o /tmp/b https://example.com/b
RUN wget --no-check-certificate https://example.com/c
RUN pip install --trusted-host pypi.internal flask
RUN npm config set strict-ssl false
RUN yarn config set strict-ssl false
RUN yum-config-manager --save --setopt=sslverify=false
RUN curl -fsSL https://example.com/ok.sh -o /tmp/ok.sh
RUN useradd -u 10001 app
USER app
