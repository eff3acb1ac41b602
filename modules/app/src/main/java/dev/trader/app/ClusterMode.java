package dev.trader.app;

import com.typesafe.config.Config;

/** Whether a node runs alone (a cluster of one it forms itself) or joins others (seed nodes, or Pekko Management's bootstrap). */
final class ClusterMode {
    private ClusterMode() {
    }

    static boolean alone(Config config) {
        return config.getStringList("pekko.cluster.seed-nodes").isEmpty() && !config.getBoolean("trader.cluster.bootstrap");
    }
}
