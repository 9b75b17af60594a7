FROM openjdk:8
MAINTAINER Platform Team <platform@example.com>
RUN apt-get update && apt-get install -y unzip wget
RUN wget https://services.gradle.org/distributions/gradle-7.6-bin.zip -P /tmp \
    && unzip -d /opt/gradle /tmp/gradle-*.zip
ENV GRADLE_HOME /opt/gradle/gradle-7.6
ENV PATH ${GRADLE_HOME}/bin:${PATH}
ADD . /code
RUN cd /code && gradle build
ADD https://repo.example.com/agent.jar /opt/agent.jar
EXPOSE 8080
CMD java -javaagent:/opt/agent.jar -jar /code/build/libs/app.jar
