package org.telecube.druid.testcluster;

/** The ports of one cluster; Derby is the coordinator's metadata store, the overlord shares the coordinator's. */
record ClusterPorts(int zooKeeper, int derby, int coordinator, int broker, int historical, int indexer) {

  static ClusterPorts free() {
    int[] p = FreePorts.pick(6);
    return new ClusterPorts(p[0], p[1], p[2], p[3], p[4], p[5]);
  }

  int of(DruidService service) {
    return switch (service) {
      case COORDINATOR -> coordinator;
      case BROKER -> broker;
      case HISTORICAL -> historical;
      case INDEXER -> indexer;
    };
  }
}
