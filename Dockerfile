# syntax=docker/dockerfile:1
# Image of one service, named by the MODULE build argument. The build context is the repository root, so that the
# Maven multi-module build works:
#   docker build --build-arg MODULE=intake-service --build-arg PORT=8081 .
# (docker compose up --build does this for every service: gateway, intake-service, triage-service, publishing-service)

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" || { echo "Set the module to build: --build-arg MODULE=<service>" >&2; exit 1; } \
    && ./mvnw -B -q -pl "${MODULE}" -am -DskipTests package \
    && cp "${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT.jar" /workspace/app.jar

FROM eclipse-temurin:17-jre
# the port the service listens on, for EXPOSE only (the service itself takes it from its configuration)
ARG PORT=8080
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /workspace/app.jar app.jar
USER 10001:10001
EXPOSE ${PORT}
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
