package org.telecube.druid.testcluster;

/** The Druid services of the test cluster; the overlord runs inside the coordinator. */
enum DruidService {
  COORDINATOR("coordinator", "druid/coordinator", 320),
  BROKER("broker", "druid/broker", 384),
  HISTORICAL("historical", "druid/historical", 512),
  INDEXER("indexer", "druid/indexer", 512);

  private final String command;
  private final String serviceName;
  private final int heapMegabytes;

  DruidService(String command, String serviceName, int heapMegabytes) {
    this.command = command;
    this.serviceName = serviceName;
    this.heapMegabytes = heapMegabytes;
  }

  /** The argument of {@code org.apache.druid.cli.Main server}. */
  String command() {
    return command;
  }

  String serviceName() {
    return serviceName;
  }

  int heapMegabytes() {
    return heapMegabytes;
  }
}
