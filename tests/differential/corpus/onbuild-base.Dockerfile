FROM ruby:3.3
RUN bundle config --global frozen 1
WORKDIR /usr/src/app
ONBUILD COPY Gemfile Gemfile.lock ./
ONBUILD RUN bundle install
ONBUILD RUN apt-get update && apt-get install -y libxml2
ONBUILD COPY . .
CMD ["./bin/start"]
