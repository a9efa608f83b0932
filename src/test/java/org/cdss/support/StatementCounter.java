package org.cdss.support;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.cdss.audit.AuditLog;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the JDBC statements one HTTP request runs on the request's thread: every statement prepared or created on
 * a connection of the application's pool (Hibernate, {@code JdbcClient}, the event publication registry alike), and
 * separately the audit appends (one {@code INSERT} each on the audit trail's own pool, ADR 0012). The session
 * store's pool (Spring Session's read and last-access write around every request) is not counted: it is the same
 * for every request and not the code under test. Work done after the commit on other threads (the outbox's
 * listeners) is not part of the request and is not counted either.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    /** What one request ran: application statements (their SQL, in order) and audit appends. */
    public record Counts(List<String> statements, int audits) {
        public int application() {
            return statements.size();
        }
    }

    private static final class Current {
        final List<String> statements = new ArrayList<>();
        int audits;
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();
    private static final Map<String, Counts> LAST = new ConcurrentHashMap<>();

    /** The counts of the last request of this method and path (e.g. {@code POST /api/ocs/orders}). */
    public static Counts last(String method, String path) {
        Counts counts = LAST.get(method + " " + path);
        if (counts == null) {
            throw new AssertionError("no request " + method + " " + path + " was counted; seen: " + LAST.keySet());
        }
        return counts;
    }

    @Bean
    FilterRegistrationBean<Filter> statementCountingFilter() {
        Filter filter = (request, response, chain) -> {
            Current current = new Current();
            CURRENT.set(current);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
                var http = (jakarta.servlet.http.HttpServletRequest) request;
                LAST.put(
                        http.getMethod() + " " + http.getRequestURI(),
                        new Counts(List.copyOf(current.statements), current.audits));
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    static BeanPostProcessor statementCountingWrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AuditLog) {
                    ProxyFactory factory = new ProxyFactory(bean);
                    factory.setProxyTargetClass(true);
                    factory.addAdvice((MethodInterceptor) invocation -> {
                        Current current = CURRENT.get();
                        if (current != null && invocation.getMethod().getName().equals("record")) {
                            current.audits++;
                        }
                        return invocation.proceed();
                    });
                    return factory.getProxy();
                }
                if (bean instanceof DataSource ds && beanName.equals("dataSource")) {
                    return new CountingDataSource(ds);
                }
                return bean;
            }
        };
    }

    private static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection target) {
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                Current current = CURRENT.get();
                if (current != null && (name.equals("prepareStatement") || name.equals("prepareCall"))) {
                    current.statements.add(String.valueOf(args[0]));
                } else if (current != null && name.equals("createStatement")) {
                    current.statements.add("(statement)");
                }
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(
                    StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }
    }
}
