package org.parley.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a replication test (a test that checks a model against another tool's output or a
 * published figure): tagged {@code replication}, and every passing test is recorded by
 * {@link ReplicationLog} so that {@code ReplicationCountIT} can check how many ran.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("replication")
@ExtendWith(ReplicationLog.class)
public @interface Replication {
}
