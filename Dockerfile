# depscan container image: a Maven build stage, then a JRE runtime that runs as a non-root user.
#   docker build -t depscan:0.1.0 .
#   docker run -p 8080:8080 -e DEPSCAN_AUTH_USERS=alice:s3cret depscan:0.1.0

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml openapi.yaml ./
RUN mvn -B -ntp -q dependency:go-offline || true
COPY src ./src
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 depscan \
    && useradd --system --uid 10001 --gid depscan --home-dir /var/lib/depscan --shell /usr/sbin/nologin depscan \
    && mkdir -p /var/lib/depscan /opt/depscan \
    && chown depscan:depscan /var/lib/depscan
WORKDIR /opt/depscan
COPY --from=build /build/target/depscan.jar ./depscan.jar
COPY --from=build /build/target/libs ./libs
ENV DEPSCAN_DATA_DIR=/var/lib/depscan \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
VOLUME ["/var/lib/depscan"]
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/depscan/depscan.jar"]
