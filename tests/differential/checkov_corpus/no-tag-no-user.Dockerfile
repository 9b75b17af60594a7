FROM alpine
RUN apk add --no-cache ca-certificates
CMD ["sh"]
