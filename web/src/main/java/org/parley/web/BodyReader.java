package org.parley.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads request bodies without holding a thread: the bytes are collected as they arrive
 * (servlet non-blocking input), and only a complete body is handed to the handlers, so slow or
 * stalled clients cannot starve the server's threads. A body that passes the size limit (a
 * chunked one included, whose length is not known in advance) is answered 413 at once, the rest
 * unread and the connection closed; a body that stops arriving is answered 408 after the body
 * timeout. Multipart bodies are left to the servlet container (bounded by its multipart limits).
 */
final class BodyReader implements Filter {

    private static final String BODY = BodyReader.class.getName() + ".body";

    private final long maxBody;
    private final long timeoutMillis;

    BodyReader(long maxBody, long timeoutMillis) {
        this.maxBody = maxBody;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (request.getDispatcherType() == DispatcherType.ASYNC && req.getAttribute(BODY) instanceof byte[] bytes) {
            chain.doFilter(new Buffered(req, bytes), response); // the body is in: on to the handlers
            return;
        }
        String method = req.getMethod();
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        boolean hasBody = req.getContentLengthLong() > 0
                || (req.getContentLengthLong() < 0 && req.getHeader("Transfer-Encoding") != null);
        if (!hasBody || method.equals("GET") || method.equals("HEAD") || type.startsWith("multipart/")
                || !req.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        if (req.getContentLengthLong() > maxBody) {
            chain.doFilter(request, response); // the guard answers 413 before anything reads it
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(timeoutMillis);
        ServletInputStream in = req.getInputStream();
        Collector collector = new Collector(req, (HttpServletResponse) response, async, in);
        async.addListener(collector);
        in.setReadListener(collector);
    }

    /** Collects one body and then runs the rest of the chain once. */
    private final class Collector implements ReadListener, AsyncListener {
        private final HttpServletRequest req;
        private final HttpServletResponse res;
        private final AsyncContext async;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[16 * 1024];
        private boolean done;

        Collector(HttpServletRequest req, HttpServletResponse res, AsyncContext async, ServletInputStream in) {
            this.req = req;
            this.res = res;
            this.async = async;
            this.in = in;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (in.isReady() && !in.isFinished()) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
                if (body.size() > maxBody) {
                    answer(413, "TOO_LARGE", "the request body exceeds " + maxBody + " bytes");
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            req.setAttribute(BODY, body.toByteArray());
            async.dispatch(); // runs the handlers in the request's own context
        }

        @Override
        public void onError(Throwable t) {
            answer(408, "REQUEST_TIMEOUT", "the request body stopped arriving");
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            answer(408, "REQUEST_TIMEOUT", "the request body did not arrive within " + timeoutMillis / 1000 + " s");
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing to release
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        /** Answers an error without running the handlers, and closes the connection (the rest stays unread). */
        private void answer(int status, String code, String message) {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            try {
                StringBuilder sb = new StringBuilder();
                org.parley.io.Json.write(Trees.error(status, code, message), sb, false);
                res.setStatus(status);
                res.setHeader("Connection", "close");
                res.setContentType(Http.JSON_TYPE);
                res.setHeader("Cache-Control", "no-store");
                res.getOutputStream().write(sb.toString().getBytes(StandardCharsets.UTF_8));
                res.flushBuffer();
            } catch (IOException | IllegalStateException e) {
                // the client is gone
            }
            if (status == 413) {
                // close now: the container would otherwise read (and drop) the rest of the body
                org.eclipse.jetty.server.Request base = org.eclipse.jetty.server.Request.getBaseRequest(req);
                if (base != null) {
                    base.getHttpChannel().getEndPoint().close();
                }
            }
            complete();
        }

        private void complete() {
            try {
                if (req.isAsyncStarted()) {
                    async.complete();
                }
            } catch (IllegalStateException e) {
                // already completed by the handler
            }
        }
    }

    /** The request with its body already read. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener l) {
                    throw new IllegalStateException("the body was read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }
    }
}
