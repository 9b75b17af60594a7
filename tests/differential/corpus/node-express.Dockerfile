FROM node:20-alpine

WORKDIR /usr/src/app

COPY package*.json ./
RUN npm install
RUN npm install -g pm2

COPY . .

ENV NODE_ENV production
EXPOSE 3000
CMD pm2-runtime start ecosystem.config.js
