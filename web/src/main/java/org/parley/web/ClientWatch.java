package org.parley.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;

import io.javalin.http.Context;

/**
 * Tells a request that waits for its answer whether its client has left. The container does not
 * read a connection while a handler runs, so a client that closes it goes unnoticed until the
 * answer is written; this looks: a read of the connection that ends (-1) or fails means the
 * client has gone. Bytes that arrive instead are the client's next request (HTTP pipelining):
 * they are handed back to the connection, which parses them after this answer, and the watch
 * stops (the client is evidently still there). Asked from the waiting thread only.
 */
final class ClientWatch implements BooleanSupplier {

    /** A watch that never sees the client leave (no connection to look at). */
    static final BooleanSupplier NEVER = () -> false;

    private final EndPoint endPoint;
    private final HttpConnection connection;
    private boolean stopped;

    private ClientWatch(EndPoint endPoint, HttpConnection connection) {
        this.endPoint = endPoint;
        this.connection = connection;
    }

    /** The watch of a request's connection (HTTP/1.1), or {@link #NEVER}. */
    static BooleanSupplier of(Context ctx) {
        Request base = Request.getBaseRequest(ctx.req());
        if (base == null || base.getHttpChannel() == null) {
            return NEVER;
        }
        EndPoint ep = base.getHttpChannel().getEndPoint();
        return ep != null && ep.getConnection() instanceof HttpConnection c ? new ClientWatch(ep, c) : NEVER;
    }

    /** True once the client has closed the connection. */
    @Override
    public boolean getAsBoolean() {
        if (stopped) {
            return false;
        }
        if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
            return true;
        }
        if (!connection.isRequestBufferEmpty()) {
            stopped = true; // a pipelined request is waiting already
            return false;
        }
        ByteBuffer buffer = BufferUtil.allocate(2048);
        int n;
        try {
            n = endPoint.fill(buffer);
        } catch (IOException e) {
            return true;
        }
        if (n < 0) {
            return true;
        }
        if (n > 0) {
            connection.onUpgradeTo(buffer); // the next request: parsed once this one is answered
            stopped = true;
        }
        return false;
    }
}
