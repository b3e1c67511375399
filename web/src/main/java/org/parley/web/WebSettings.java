package org.parley.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/**
 * How the server listens and what it accepts.
 *
 * @param bind         the address to listen on; {@code 127.0.0.1} unless the user exposes the server
 * @param port         the port, 0 for any free port
 * @param token        the access token every API call must carry, or {@code null} for none (only
 *                     allowed on a loopback address)
 * @param maxBodyBytes the largest request body accepted
 * @param jobThreads   threads that run forecast jobs
 * @param maxQueued    jobs that may wait for a thread before new ones are refused
 * @param budget       how much work one request may ask for (runs, rounds, cells)
 */
public record WebSettings(String bind, int port, String token, long maxBodyBytes, int jobThreads, int maxQueued,
                          Budget budget) {

    public static final String LOOPBACK = "127.0.0.1";

    /** 2 MiB: a large scenario is a few hundred KiB of JSON. */
    public static final long DEFAULT_MAX_BODY = 2L * 1024 * 1024;

    public WebSettings {
        bind = bind == null || bind.isBlank() ? LOOPBACK : bind.strip();
        budget = budget == null ? Budget.DEFAULT : budget;
        token = token == null || token.isBlank() ? null : token.strip();
        if (port < 0 || port > 65535) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "port must be in 0-65535, was " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "maxBodyBytes must be >= 1024, was " + maxBodyBytes);
        }
        if (jobThreads < 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "jobThreads must be >= 1, was " + jobThreads);
        }
        if (maxQueued < 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "maxQueued must be >= 1, was " + maxQueued);
        }
        if (token == null && !isLoopback(bind)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "binding to " + bind
                    + " exposes the server beyond this machine and needs an access token");
        }
    }

    /** Settings with the default budget. */
    public WebSettings(String bind, int port, String token, long maxBodyBytes, int jobThreads, int maxQueued) {
        this(bind, port, token, maxBodyBytes, jobThreads, maxQueued, Budget.DEFAULT);
    }

    /** Loopback, no token, any free port: for tests. */
    public static WebSettings local(int port) {
        return new WebSettings(LOOPBACK, port, null, DEFAULT_MAX_BODY, defaultThreads(), 64);
    }

    public WebSettings withToken(String newToken) {
        return new WebSettings(bind, port, newToken, maxBodyBytes, jobThreads, maxQueued, budget);
    }

    public WebSettings withMaxBodyBytes(long newMax) {
        return new WebSettings(bind, port, token, newMax, jobThreads, maxQueued, budget);
    }

    public WebSettings withBudget(Budget newBudget) {
        return new WebSettings(bind, port, token, maxBodyBytes, jobThreads, maxQueued, newBudget);
    }

    public WebSettings withJobThreads(int threads) {
        return new WebSettings(bind, port, token, maxBodyBytes, threads, maxQueued, budget);
    }

    /**
     * Who the server's registry writes are recorded as: the authenticated user. Without a token
     * only this machine can call the server, so it is the user running it; with one it is the
     * token's holder.
     */
    public String author() {
        String user = System.getProperty("user.name", "unknown");
        return token == null ? "web:" + user + "@localhost" : "web:token holder (server run by " + user + ")";
    }

    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** True for 127.0.0.0/8, ::1 and {@code localhost}; the name is resolved without a DNS query for literals. */
    public static boolean isLoopback(String address) {
        String a = address.strip();
        if (a.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** True for an IP literal in 127.0.0.0/8 or ::1; never resolves a name. */
    public static boolean isLiteralLoopback(String host) {
        String h = host.strip();
        if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String x : parts) {
            if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(Character::isDigit) || Integer.parseInt(x) > 255) {
                return false;
            }
        }
        return true;
    }
}
