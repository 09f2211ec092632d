package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose body is larger than {@code vendepunkt.limits.max-body-size} (default 1 MB; file imports
 * under {@code /api/v1/imports/} and {@code /imports} may send up to {@code vendepunkt.limits.max-upload-size}, default
 * 512 MB, the multipart limit) with 413, judged by its Content-Length before anything reads it; a body sent without one
 * ({@code Transfer-Encoding: chunked}) is counted instead: read here up to the limit for an ordinary request, counted as
 * the import streams it for an upload (the read fails past the limit, the import's transaction rolls back, and the
 * answer is the same 413). Form and multipart bodies are parsed by the container under its own limits. Refuses a request whose query or form parameters (names or values) break {@link Texts}' rule (a
 * control character such as NUL, or more than {@link Texts#MAX_LENGTH} characters) with 400 before any
 * controller, search or login sees it: the Danish error page for a browser, problem details otherwise.
 * A form or multipart body that cannot be decoded (a bad %-escape, no multipart boundary) is a 400 too, also when
 * Spring's {@code FormContentFilter} (−9900) finds it in a PUT. Runs before that filter and Spring Security (−100), after
 * the character encoding filter; it resolves the request's language itself.
 */
@Component
@Order(-10000)
class BadInputFilter extends OncePerRequestFilter {

    private final ApiExceptionHandler problems;
    private final FormErrors messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    private final long maxBody;
    private final long maxUpload;

    BadInputFilter(ApiExceptionHandler problems, FormErrors messages, LocaleResolver localeResolver, JsonMapper json,
            @Value("${vendepunkt.limits.max-body-size:1MB}") DataSize maxBody,
            @Value("${vendepunkt.limits.max-upload-size:512MB}") DataSize maxUpload) {
        this.maxBody = maxBody.toBytes();
        this.maxUpload = maxUpload.toBytes();
        this.problems = problems;
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isUpload(request) ? maxUpload : maxBody;
        if (request.getContentLengthLong() > limit) {
            refuseTooLarge(request, response, limit);
            return;
        }
        CountedBody counted = null;
        if (request.getContentLengthLong() < 0 && mayHaveBody(request) && streamed(request)) {
            // no Content-Length (Transfer-Encoding: chunked): count what is read instead
            if (limit == maxUpload) {
                counted = new CountedBody(request, limit);
                request = counted;
            } else {
                byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (body.length > limit) {
                    refuseTooLarge(request, response, limit);
                    return;
                }
                request = new CountedBody(request, body);
            }
        }
        FieldProblem problem;
        try {
            problem = firstProblem(request.getParameterMap());
        } catch (IllegalStateException e) { // Tomcat's InvalidParameterException: a broken form or multipart body
            refuseUnreadable(request, response);
            return;
        }
        if (problem != null) {
            LocaleContextHolder.setLocale(localeResolver.resolveLocale(request));
            if (PageExceptionResolver.isPage(request, null)) {
                request.setAttribute("detail", messages.message("error.field", problem.field(),
                        messages.message(problem.code(), problem.args())));
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            write(response, problems.validation(new ValidationException(List.of(problem))));
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (HttpMessageNotReadableException e) { // from FormContentFilter (a PUT/PATCH form body); controllers' go to the advice
            if (counted != null && counted.exceeded && !response.isCommitted()) {
                response.reset();
                refuseTooLarge(request, response, limit);
                return;
            }
            if (response.isCommitted()) throw e;
            refuseUnreadable(request, response);
            return;
        } catch (IOException | ServletException | RuntimeException e) {
            if (counted == null || !counted.exceeded || response.isCommitted()) throw e;
        }
        if (counted != null && counted.exceeded && !response.isCommitted()) {
            // whatever the handler made of the cut-off stream (its transaction rolled back): the answer is the size
            response.reset();
            refuseTooLarge(request, response, limit);
        }
    }

    private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        LocaleContextHolder.setLocale(localeResolver.resolveLocale(request));
        refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                problems.tooLarge(messages.message("error.tooLarge", megabytes(limit), megabytes(maxUpload))));
    }

    /** The Danish error page for a browser, the problem otherwise. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, ProblemDetail problem) throws IOException {
        if (PageExceptionResolver.isPage(request, null)) {
            request.setAttribute("detail", problem.getDetail());
            response.sendError(status);
            return;
        }
        write(response, problem);
    }

    /** A request that may carry a body although it gives no Content-Length (GET and the like are left alone). */
    private static boolean mayHaveBody(HttpServletRequest request) {
        String m = request.getMethod();
        return m.equals("POST") || m.equals("PUT") || m.equals("PATCH") || request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * A body the servlet container does not parse itself: form and multipart bodies are (their parameters and parts,
     * with the container's and the multipart limits) and must not be read here.
     */
    private static boolean streamed(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        return !type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) && !type.startsWith("multipart/");
    }

    /**
     * A request whose body has no Content-Length: either read already (at most the limit, for an ordinary request)
     * and served from memory, or (a file import) counted while the handler streams it, failing the read past the
     * limit and remembering that it did.
     */
    static final class CountedBody extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final ServletInputStream in;
        private java.io.BufferedReader reader;
        volatile boolean exceeded;

        CountedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.in = new Stream(new java.io.ByteArrayInputStream(body), Long.MAX_VALUE);
        }

        CountedBody(HttpServletRequest request, long limit) throws IOException {
            super(request);
            this.in = new Stream(request.getInputStream(), limit);
        }

        @Override
        public ServletInputStream getInputStream() {
            return in;
        }

        @Override
        public java.io.BufferedReader getReader() throws java.io.UnsupportedEncodingException {
            if (reader == null) {
                String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
                reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, encoding));
            }
            return reader;
        }

        private final class Stream extends ServletInputStream {
            private final java.io.InputStream body;
            private final long limit;
            private long count;
            private boolean finished;

            Stream(java.io.InputStream body, long limit) {
                this.body = body;
                this.limit = limit;
            }

            @Override
            public int read() throws IOException {
                int b = body.read();
                if (b < 0) finished = true;
                else counted(1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = body.read(buffer, off, len);
                if (n < 0) finished = true;
                else counted(n);
                return n;
            }

            private void counted(int n) throws IOException {
                count += n;
                if (count > limit) {
                    exceeded = true;
                    throw new IOException("request body over " + limit + " bytes");
                }
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(jakarta.servlet.ReadListener listener) {
                throw new UnsupportedOperationException("blocking reads only");
            }
        }
    }

    private void refuseUnreadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocaleContextHolder.setLocale(localeResolver.resolveLocale(request));
        refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, problems.unreadable(messages.message("error.unreadableForm")));
    }

    /** A file import: the import API and the import page's upload. */
    private static boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/imports/") || path.equals("/imports");
    }

    /** "1 MB", "512 kB", "100 byte": a limit as the operator set it. */
    static String megabytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MB";
        if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " kB";
        return bytes + " byte";
    }

    private void write(HttpServletResponse response, ProblemDetail pd) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(pd.getType()));
        body.put("title", pd.getTitle());
        body.put("status", pd.getStatus());
        body.put("detail", pd.getDetail());
        if (pd.getProperties() != null) body.putAll(pd.getProperties());
        response.setStatus(pd.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    /** The first bad parameter name or value; the field is named by (an excerpt of) the parameter's name. */
    static FieldProblem firstProblem(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            String field = Texts.excerpt(p.getKey());
            FieldProblem bad = Texts.problem(field, p.getKey(), Texts.SHORT);
            for (int i = 0; bad == null && i < p.getValue().length; i++) {
                bad = Texts.problem(field, p.getValue()[i], Texts.MAX_LENGTH);
            }
            if (bad != null) return bad;
        }
        return null;
    }
}
