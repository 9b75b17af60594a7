FROM golang:alpine AS builder
RUN apk add git make
WORKDIR /build
COPY . .
RUN make release

FROM alpine:3.20
RUN apk update && apk add ca-certificates tzdata
RUN apk add --no-cache curl=8.9.1-r1
COPY --from=builder /build/bin/tool /usr/local/bin/tool
WORKDIR /data
ENTRYPOINT ["tool"]
CMD ["--help"]
