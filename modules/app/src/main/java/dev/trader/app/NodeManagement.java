package dev.trader.app;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pekko Management on a node of a cluster: the cluster HTTP routes ({@code /cluster/members},
 * ...), the health checks ({@code /alive}, {@code /ready}, the latter the node's own readiness)
 * and, with {@code trader.cluster.bootstrap}, Cluster Bootstrap forming the cluster from the
 * discovered contact points (config discovery locally, the Kubernetes API in k8s/). A node of
 * its own does not start it: nothing needs the port.
 */
final class NodeManagement {
    private static final Logger LOG = LoggerFactory.getLogger(NodeManagement.class);

    private NodeManagement() {
    }

    static void start(ActorSystem<?> system, Config config) {
        org.apache.pekko.actor.ActorSystem classic = Adapter.toClassic(system);
        try {
            var uri = PekkoManagement.get(classic).start().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            LOG.info("Pekko Management at {} (cluster routes, /alive, /ready)", uri);
        } catch (Exception e) {
            throw new IllegalStateException("Pekko Management did not start on " + config.getString("pekko.management.http.hostname") + ":"
                    + config.getInt("pekko.management.http.port") + ": " + e.getMessage(), e);
        }
        if (config.getBoolean("trader.cluster.bootstrap")) {
            ClusterBootstrap.get(classic).start();
            LOG.info("Cluster Bootstrap: contact points of '{}' by {} discovery",
                    config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.service-name"),
                    config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"));
        }
    }

    /** From here on management's readiness check is the node's. */
    static void ready(ActorSystem<?> system, NodeReadiness readiness) {
        ManagementReadiness.register(Adapter.toClassic(system), readiness);
    }
}
