package org.enquirytriage.security.limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses a request body over the limit of its path with 413 problem+json: at once when the declared Content-Length
 * is over it, and, for a body streamed without one (chunked), by counting the bytes as they are read and failing the
 * read past the limit, which {@link RequestBodyTooLargeResolver} answers with the same 413. Nothing is buffered: the
 * body reaches the controller as it comes.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final Map<PathPattern, Long> largeRequests = new LinkedHashMap<>();
    private final TooLargeResponses responses;

    RequestSizeLimitFilter(RequestSizeLimitProperties properties, TooLargeResponses responses) {
        this.defaultMaxBytes = properties.maxRequestSize().toBytes();
        for (RequestSizeLimitProperties.LargeRequests large : properties.largeRequests()) {
            for (String path : large.paths()) {
                largeRequests.putIfAbsent(PathPatternParser.defaultInstance.parse(path), large.maxSize().toBytes());
            }
        }
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = maxBytes(request);
        if (request.getContentLengthLong() > maxBytes) {
            responses.send(request, response, maxBytes);
            return;
        }
        chain.doFilter(new SizeLimitedRequest(request, maxBytes), response);
    }

    private long maxBytes(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        return largeRequests.entrySet().stream().filter(large -> large.getKey().matches(path))
                .mapToLong(Map.Entry::getValue).findFirst().orElse(defaultMaxBytes);
    }

    /** A request whose body stops being readable once more than the limit has been read. */
    private static final class SizeLimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream limited;

        SizeLimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new CountingInputStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Counts the bytes read and fails with {@link RequestBodyTooLargeException} past the limit. */
    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        CountingInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new RequestBodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
