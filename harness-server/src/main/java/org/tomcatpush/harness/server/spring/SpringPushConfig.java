package org.tomcatpush.harness.server.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.transport.TransportContext;

/**
 * The Spring MVC application behind {@code --api spring}: one controller per HTTP transport and
 * the {@code /ws} {@link SpringWsHandler}, each handed the server's {@link TransportContext}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
@EnableWebSocket
class SpringPushConfig implements WebSocketConfigurer, WebMvcConfigurer {

    private final TransportContext context;

    SpringPushConfig(TransportContext context) {
        this.context = context;
    }

    @Bean
    SpringPollController pollController() {
        return new SpringPollController(context);
    }

    @Bean
    SpringLongPollController longPollController() {
        return new SpringLongPollController(context);
    }

    @Bean
    SpringSseController sseController() {
        return new SpringSseController(context);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SpringSseStart()).addPathPatterns(Endpoint.SSE.path());
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // the servlet flavour checks no Origin either
        registry.addHandler(new SpringWsHandler(context), Endpoint.WS.path()).setAllowedOrigins("*");
    }
}
