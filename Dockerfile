# syntax=docker/dockerfile:1
# The operator image: docker build -t <registry>/integrations-operator:<version> .
# (docs/packaging.md: build, tags, pinning by digest). Two stages: Maven builds the jars, a JRE-only
# image runs the runtime jar (the operator without the sandbox, simulator, benchmark and their
# libraries) as a numeric non-root user.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /workspace
COPY pom.xml ./
COPY src ./src
# the local repository is a build cache, not part of any layer
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
LABEL org.opencontainers.image.title="integrations-operator" \
      org.opencontainers.image.description="Kubernetes operator for MongoDB Cloud Manager / Ops Manager third-party integrations"
WORKDIR /app
COPY --from=build /workspace/target/integrations-operator-runtime.jar /app/integrations-operator.jar
# JSON log lines; heap sized from the container's memory limit; exit (and be restarted) on OOM
ENV INTEGRATIONS_OPERATOR_LOG_FORMAT=json \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
# numeric, so that runAsNonRoot can verify it; matches the chart's runAsUser/runAsGroup
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/integrations-operator.jar"]
CMD ["run"]
