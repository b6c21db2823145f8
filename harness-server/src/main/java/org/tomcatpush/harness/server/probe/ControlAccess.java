package org.tomcatpush.harness.server.probe;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tomcatpush.harness.server.config.ConfigException;

/**
 * Guards the {@code /harness/*} control endpoints with a token when the server can be reached
 * from other machines. A server bound to a loopback address needs none (only this machine reaches
 * it); any other bind address, the wildcards {@code 0.0.0.0} and {@code ::} included, gets a random
 * token that the server prints at start-up ({@code CONTROL-TOKEN <hex>}) and that every control
 * request must carry in the {@value #HEADER} header or a {@code token} query parameter; without it
 * the answer is {@code 403}. The push endpoints are never guarded. The token can also be given
 * up front in a file ({@link #fromFile}, {@code --control-token-file}), so that agents started
 * elsewhere (a Kubernetes Secret, a file copied over ssh) know it before the server starts.
 * Thread-safe and immutable.
 */
public final class ControlAccess implements Filter {

    /** Request header that carries the token. */
    public static final String HEADER = "X-Harness-Token";
    /** Start-up line prefix that announces the token. */
    public static final String LINE_PREFIX = "CONTROL-TOKEN ";

    private static final int TOKEN_BYTES = 16;
    /** Shortest token a file may give: as many characters as a random token has bytes. */
    static final int MIN_FILE_TOKEN_CHARS = 16;
    /** Longest token a file may give: it travels in a request header. */
    static final int MAX_FILE_TOKEN_CHARS = 256;

    private final byte[] token;

    private ControlAccess(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** A guard with a fresh random token of 32 hex digits. */
    public static ControlAccess withRandomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new ControlAccess(HexFormat.of().formatHex(bytes));
    }

    /**
     * A guard with the token held in {@code file} ({@code --control-token-file}): the file's text
     * with its surrounding whitespace (a final newline, as {@code echo} and editors write it)
     * removed, which must be {@value #MIN_FILE_TOKEN_CHARS} to {@value #MAX_FILE_TOKEN_CHARS}
     * visible ASCII characters (it travels in the {@value #HEADER} header).
     *
     * @throws ConfigException naming the file and what is wrong with it
     */
    public static ControlAccess fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (MalformedInputException e) {
            throw new ConfigException("--control-token-file " + file + " holds characters outside ASCII: write a token"
                    + " of visible ASCII characters, e.g. openssl rand -hex 16 > " + file);
        } catch (IOException e) {
            throw new ConfigException("--control-token-file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): give a readable file that holds the token");
        }
        if (text.length() < MIN_FILE_TOKEN_CHARS || text.length() > MAX_FILE_TOKEN_CHARS) {
            throw new ConfigException("--control-token-file " + file + " holds " + text.length() + " characters: a"
                    + " token has " + MIN_FILE_TOKEN_CHARS + " to " + MAX_FILE_TOKEN_CHARS + ", e.g. openssl rand"
                    + " -hex 16 > " + file);
        }
        if (!text.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new ConfigException("--control-token-file " + file + " holds a space or a control character inside"
                    + " the token: a token is one word of visible ASCII characters, e.g. openssl rand -hex 16 > "
                    + file);
        }
        return new ControlAccess(text);
    }

    public String token() {
        return new String(token, StandardCharsets.US_ASCII);
    }

    /**
     * Whether a server bound to {@code host} needs a control token: true for every address that
     * is not loopback ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}). Decided on the text
     * alone, without resolving names, so an unknown name counts as reachable from elsewhere.
     */
    public static boolean needsToken(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return false;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return true;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code given} is the token; constant time, so the answer time does not give it away. */
    public boolean accepts(String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String given = http.getHeader(HEADER);
        if (given == null) {
            given = http.getParameter("token");
        }
        if (!accepts(given)) {
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setStatus(HttpServletResponse.SC_FORBIDDEN);
            answer.setContentType("text/plain;charset=UTF-8");
            answer.getWriter().println("this server's /harness/* endpoints need its control token (the"
                    + " CONTROL-TOKEN line it printed at start-up) in the " + HEADER + " header or ?token=");
            return;
        }
        chain.doFilter(request, response);
    }
}
