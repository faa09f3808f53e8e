#!/usr/bin/env bash
# Starts or stops the Druid test cluster by hand, for trying the Druid backend against a real cluster.
#   ./druid-dev.sh start   # prints the broker URL; pids recorded in target/druid-cluster/pids
#   ./druid-dev.sh stop
# Needs the module built once, from the repository root:
#   ./mvnw -o -B -q -pl backends/druid-testcluster -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")"

WORK_DIR="${DRUID_WORK_DIR:-target/druid-cluster}"
if [ ! -f target/druid-classpath.txt ] || [ ! -d target/classes ]; then
  echo "target/druid-classpath.txt is missing; build it from the repository root with:" >&2
  echo "  ./mvnw -o -B -q -pl backends/druid-testcluster -am package -DskipTests" >&2
  exit 1
fi

case "${1:-}" in
  start|stop)
    exec java -cp "$(cat target/druid-classpath.txt):target/classes" \
      -Dtelecube.druid.classpathFile=target/druid-classpath.txt \
      org.telecube.druid.testcluster.DruidTestCluster "$1" "$WORK_DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
