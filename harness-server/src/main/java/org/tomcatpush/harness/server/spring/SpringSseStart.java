package org.tomcatpush.harness.server.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Starts an SSE request's {@link SpringSsePump} once Spring has started async handling of the
 * returned {@code SseEmitter} (and initialised it), so the first bytes go out at once rather than
 * waiting in the emitter's early-send buffer.
 */
final class SpringSseStart implements AsyncHandlerInterceptor {

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
        SpringSsePump pump = SpringSsePump.of(request);
        if (pump != null) {
            pump.start();
        }
    }
}
