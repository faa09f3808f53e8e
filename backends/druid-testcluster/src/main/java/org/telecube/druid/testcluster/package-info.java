/**
 * A real Apache Druid cluster for tests, started from this module's Maven Central jars: ZooKeeper, a
 * coordinator with the overlord inside (it also runs the Derby metadata store), a broker, a historical and
 * an indexer, each in its own child JVM on 127.0.0.1 with free ports and all state under one work
 * directory. {@link org.telecube.druid.testcluster.DruidTestCluster} starts and stops it;
 * {@link org.telecube.druid.testcluster.OverlordClient} submits native ingestion tasks and reports
 * Druid's reason when one fails. Nothing in the product depends on this package.
 */
package org.telecube.druid.testcluster;
