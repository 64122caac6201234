# Runtime image for Fundbook. The jar is built outside Docker so the image
# stays a thin JRE layer and CI can reuse its Maven cache:
#
#   ./mvnw -B package -DskipTests      # produces target/fundbook.jar
#   docker build -t fundbook .
#
# Or via compose: ./mvnw -B package -DskipTests && docker-compose up --build
FROM eclipse-temurin:17-jre

# Fixed non-root uid/gid so volume ownership is predictable across rebuilds;
# embedded PostgreSQL also refuses to run as root.
RUN groupadd --system --gid 10001 fundbook \
 && useradd --system --uid 10001 --gid fundbook --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin fundbook \
 && mkdir -p /app /var/lib/fundbook \
 && chown fundbook:fundbook /var/lib/fundbook

WORKDIR /app
COPY --chown=fundbook:fundbook target/fundbook.jar /app/fundbook.jar

# Heap sized from the container memory limit; exit on OOM so the orchestrator
# restarts a clean JVM instead of one in an undefined state.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError" \
    FUNDBOOK_DATA_DIR=/var/lib/fundbook \
    SERVER_PORT=8080

USER fundbook:fundbook
EXPOSE 8080

# The JRE image ships no curl/wget guarantee, so talk HTTP over bash's
# /dev/tcp; healthy only if the body reports "status":"UP".
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"status\":\"UP\"" <&3'

# sh -c expands JAVA_OPTS; exec makes java PID 1 so SIGTERM reaches Spring's
# graceful shutdown. Extra container args are passed through to the app.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/fundbook.jar \"$@\"", "fundbook"]
