package org.parley.io;

import org.junit.jupiter.api.Test;
import org.parley.engine.ReplicationLog;

/**
 * Counts the {@code @Replication} tests of this module that passed in the unit-test run just before
 * (Surefire runs first, then this Failsafe test in {@code mvn verify}), so that a green build cannot
 * hide replication tests that quietly skipped.
 */
class ReplicationCountIT {

    /** Every replication test of this module, parameterized cases counted one by one. */
    static final int EXPECTED = 11;

    @Test
    void everyReplicationTestRan() {
        ReplicationLog.assertRan(EXPECTED);
    }
}
